package dev.graphmemory.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DaemonActivityTest {
    @AfterEach
    void noAction() {
        DaemonActivity.onRequest(() -> {});
    }

    @Test
    void aReadThatReturnsBytesIsARequestAndTheEndOfTheStreamIsNot() throws IOException {
        AtomicInteger woken = new AtomicInteger();
        DaemonActivity.onRequest(woken::incrementAndGet);
        InputStream in = DaemonActivity.marking(
                new ByteArrayInputStream("{\"jsonrpc\":\"2.0\"}\n".getBytes(StandardCharsets.UTF_8)));
        long before = DaemonActivity.lastRequest();
        byte[] buffer = new byte[8];
        assertThat(in.read(buffer, 0, buffer.length)).isEqualTo(8);
        assertThat(DaemonActivity.lastRequest() - before).isPositive();
        assertThat(woken).hasValue(1);
        assertThat(in.read()).isEqualTo((int) 'c');
        assertThat(woken).hasValue(2);
        in.readAllBytes();
        int afterData = woken.get();
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.read(buffer, 0, buffer.length)).isEqualTo(-1);
        assertThat(woken).hasValue(afterData);
    }

    @Test
    void aCommandLineAnsweredIsARequest() {
        AtomicInteger woken = new AtomicInteger();
        DaemonActivity.onRequest(woken::incrementAndGet);
        long before = DaemonActivity.lastRequest();
        DaemonActivity.requested();
        assertThat(DaemonActivity.lastRequest() - before).isPositive();
        assertThat(woken).hasValue(1);
    }
}
