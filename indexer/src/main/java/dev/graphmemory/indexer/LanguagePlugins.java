package dev.graphmemory.indexer;

import dev.graphmemory.indexer.java.JavaLanguagePlugin;
import dev.graphmemory.indexer.lang.ecma.EcmaScriptLanguagePlugin;
import dev.graphmemory.indexer.lang.python.PythonLanguagePlugin;
import dev.graphmemory.indexer.model.LanguagePlugin;
import java.util.List;

/** The language plugins a run uses. */
public final class LanguagePlugins {
    private LanguagePlugins() {}

    /** Every available plugin, each a fresh instance. */
    public static List<LanguagePlugin> all() {
        return List.of(new JavaLanguagePlugin(), new PythonLanguagePlugin(), new EcmaScriptLanguagePlugin());
    }
}
