package dev.graphmemory.indexer.lang.ecma;

import java.util.Set;

/** Callables that run a program, by canonical name ({@code child_process.spawn}). */
final class EcmaRunners {
    static final Set<String> RUNNERS = Set.of(
            "child_process.exec",
            "child_process.execSync",
            "child_process.execFile",
            "child_process.execFileSync",
            "child_process.spawn",
            "child_process.spawnSync",
            "child_process.fork",
            "execa",
            "execa.execa",
            "execa.execaSync",
            "execa.execaNode",
            "execa.default",
            "execa.execaCommand");

    private EcmaRunners() {}
}
