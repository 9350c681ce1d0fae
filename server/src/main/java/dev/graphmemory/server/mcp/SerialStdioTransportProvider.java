package dev.graphmemory.server.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The MCP SDK's stdio transport with its outgoing messages handed over one at a time.
 *
 * <p>Design notes. The SDK (2.1.0) queues each outgoing message with {@code tryEmitNext} on a
 * unicast sink, which fails with {@code FAIL_NON_SERIALIZED} when two threads emit at once: two tool
 * calls finishing together lose one answer ("Failed to enqueue message"), and the failed send ends
 * the session's whole inbound stream, so nothing after it is answered either
 * (modelcontextprotocol/java-sdk issues 304 and 686). Agents do send tool calls in parallel. Every
 * send of the session is therefore subscribed under one lock; once the transport is running the
 * SDK's emission happens inside that subscription, so emissions never overlap.
 */
final class SerialStdioTransportProvider implements McpServerTransportProvider {
    private final StdioServerTransportProvider delegate;

    SerialStdioTransportProvider(McpJsonMapper mapper, InputStream in, OutputStream out) {
        this.delegate = new StdioServerTransportProvider(mapper, in, out);
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        delegate.setSessionFactory(transport -> sessionFactory.create(new Serial(transport)));
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return delegate.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return delegate.notifyClient(sessionId, method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }

    /** The session's transport, with {@link #sendMessage} serialised. */
    private static final class Serial implements McpServerTransport {
        private final McpServerTransport transport;
        private final Object lock = new Object();

        Serial(McpServerTransport transport) {
            this.transport = transport;
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.create(sink -> {
                synchronized (lock) {
                    transport.sendMessage(message).subscribe(null, sink::error, sink::success);
                }
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return transport.unmarshalFrom(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return transport.closeGracefully();
        }

        @Override
        public void close() {
            transport.close();
        }

        @Override
        public List<String> protocolVersions() {
            return transport.protocolVersions();
        }
    }
}
