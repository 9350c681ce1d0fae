package dev.graphmemory.queries.find;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A cursor is plain text a model reads cheaply, belongs to one query, and older Base64 cursors still work. */
class CursorTest {
    private static final String HASH = Cursor.hash("architecture", "function", "{}");

    @Test
    void aCursorIsTheQueryHashAndTheLastKeyInPlainText() {
        String encoded = new Cursor("architecture:function:a.B#f(int,int)", HASH).encode();
        assertThat(encoded).isEqualTo(HASH + "~architecture:function:a.B#f(int,int)");
        assertThat(Cursor.afterFor(encoded, HASH)).isEqualTo("architecture:function:a.B#f(int,int)");
        // A walk's key holds a depth and a separator of its own.
        assertThat(Cursor.afterFor(new Cursor("2|architecture:module:x~y.py", HASH).encode(), HASH))
                .isEqualTo("2|architecture:module:x~y.py");
    }

    @Test
    void aCursorOfAnotherQueryIsRefused() {
        String other = new Cursor("architecture:class:a.B", Cursor.hash("architecture", "class", "{}")).encode();
        assertThatThrownBy(() -> Cursor.afterFor(other, HASH))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("different query");
    }

    @Test
    void aBase64CursorFromAnEarlierVersionIsStillRead() {
        String old = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((HASH + "\narchitecture:class:a.B").getBytes(StandardCharsets.UTF_8));
        assertThat(Cursor.afterFor(old, HASH)).isEqualTo("architecture:class:a.B");
        assertThat(Cursor.afterFor(null, HASH)).isNull();
        assertThatThrownBy(() -> Cursor.afterFor("not a cursor!", HASH)).isInstanceOf(ToolException.class);
    }
}
