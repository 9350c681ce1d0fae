package dev.graphmemory.indexer.java;

/** Tells test sources from main sources by path and file name. */
final class TestModules {
    private TestModules() {}

    /**
     * Whether the path is under {@code src/test/} or the file is named like a test: {@code *Test},
     * {@code *Tests}, {@code *IT}, or {@code Test*} followed by an upper-case letter, digit or
     * underscore (so {@code TestUtils.java} counts and {@code Testament.java} does not).
     */
    static boolean isTest(String path) {
        if (path.startsWith("src/test/") || path.contains("/src/test/")) {
            return true;
        }
        String file = path.substring(path.lastIndexOf('/') + 1);
        if (!file.endsWith(".java")) {
            return false;
        }
        String name = file.substring(0, file.length() - ".java".length());
        if (name.endsWith("Test") || name.endsWith("Tests") || name.endsWith("IT")) {
            return true;
        }
        if (name.startsWith("Test")) {
            if (name.length() == 4) {
                return true;
            }
            char next = name.charAt(4);
            return Character.isUpperCase(next) || Character.isDigit(next) || next == '_';
        }
        return false;
    }
}
