package dev.graphmemory.indexer.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.treesitter.TSException;
import org.treesitter.TSNode;
import org.treesitter.TSNodes;
import org.treesitter.TreeSitterPython;

/** The unchecked node reads answer as the binding's own methods do, null nodes included. */
class TSNodesTest {
    private static final TreeSitter PYTHON = new TreeSitter(new TreeSitterPython());

    @Test
    void readsMatchTheBindingsMethods() {
        String source = "def f(a, b=1):\n    return g(a)\n";
        List<String> checks = PYTHON.parse(source, root -> {
            TSNode def = TSNodes.namedChild(root, 0);
            TSNode name = TSNodes.field(def, "name");
            TSNode params = TSNodes.field(def, "parameters");
            assertThat(TSNodes.type(def)).isEqualTo(def.getType()).isEqualTo("function_definition");
            assertThat(TSNodes.start(name)).isEqualTo(name.getStartByte()).isEqualTo(4);
            assertThat(TSNodes.end(name)).isEqualTo(name.getEndByte()).isEqualTo(5);
            assertThat(TSNodes.named(name)).isEqualTo(name.isNamed()).isTrue();
            assertThat(TSNodes.namedCount(params))
                    .isEqualTo(params.getNamedChildCount())
                    .isEqualTo(2);
            assertThat(TSNodes.isNull(def)).isFalse();
            // A field the node does not have: a null node, as getChildByFieldName returns.
            TSNode missing = TSNodes.field(def, "return_type");
            assertThat(missing).isNotNull();
            assertThat(TSNodes.isNull(missing)).isTrue().isEqualTo(missing.isNull());
            assertThat(TSNodes.isNull(TSNodes.namedChild(params, 5))).isTrue();
            assertThat(TSNodes.isNull(null)).isTrue();
            // Reading a null node throws the binding's exception instead of reaching native code.
            assertThatThrownBy(() -> TSNodes.type(missing)).isInstanceOf(TSException.class);
            assertThatThrownBy(() -> TSNodes.start(null)).isInstanceOf(TSException.class);
            assertThatThrownBy(() -> TSNodes.field(missing, "name")).isInstanceOf(TSException.class);
            return Nodes.named(params).stream().map(TSNodes::type).toList();
        });
        assertThat(checks).containsExactly("identifier", "default_parameter");
    }
}
