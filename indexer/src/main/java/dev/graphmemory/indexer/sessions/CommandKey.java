package dev.graphmemory.indexer.sessions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a shell command an agent ran into a short key that groups runs of the same thing:
 * {@code cd app && MAVEN_OPTS=-Xmx1g ./mvnw -q -o verify | tail -20} becomes {@code mvnw verify}.
 *
 * <p>Design notes: the key must be stable across the small variations agents produce, and it must
 * never carry what a command may hold besides its shape (a commit message, a token in a URL). So
 * the rule is deliberately blunt: of the first command of a chain that is not a {@code cd},
 * {@code export} or {@code source}, keep the program's file name and at most two following
 * arguments that are plain words or paths (letters, digits and {@code _ . / : @ + -}, at most 60
 * characters, not a flag); stop at the first argument that is not. Environment assignments and
 * wrappers ({@code env}, {@code time}, {@code sudo}, {@code nohup}, {@code timeout N}) in front are
 * dropped, and so are flags wherever they stand, so {@code mvn -q verify} and {@code mvn verify -q}
 * share a key. A flag's value that is a plain word stays (this reader cannot know which flags take
 * one): {@code git commit -m wip} keys as {@code git commit wip}, {@code git commit -m "a b"} as
 * {@code git commit}.
 */
public final class CommandKey {
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_./:@+-]{1,60}");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
    private static final Set<String> WRAPPERS = Set.of("env", "time", "sudo", "nohup", "command", "exec");
    private static final Set<String> SKIPPED = Set.of("cd", "pushd", "popd", "export", "source", ".", "set", "unset");
    private static final int MAX_ARGS = 2;

    private CommandKey() {}

    /** The key of {@code command}, or null when it holds no command (blank, or only {@code cd}s). */
    public static String of(String command) {
        if (command == null) {
            return null;
        }
        for (String part : chain(command)) {
            List<String> words = words(part);
            int i = 0;
            while (i < words.size()
                    && (ASSIGNMENT.matcher(words.get(i)).matches() || WRAPPERS.contains(words.get(i)))) {
                i++;
            }
            if (i < words.size() && words.get(i).equals("timeout")) {
                i += 2;
            }
            if (i >= words.size() || SKIPPED.contains(words.get(i))) {
                continue;
            }
            String program = words.get(i);
            program = program.substring(program.lastIndexOf('/') + 1);
            if (program.isEmpty() || !WORD.matcher(program).matches()) {
                continue;
            }
            StringBuilder key = new StringBuilder(program);
            int args = 0;
            for (int j = i + 1; j < words.size() && args < MAX_ARGS; j++) {
                String w = words.get(j);
                if (w.startsWith("-")) {
                    continue;
                }
                if (!WORD.matcher(w).matches()) {
                    break;
                }
                key.append(' ').append(w.startsWith("./") ? w.substring(2) : w);
                args++;
            }
            return key.toString();
        }
        return null;
    }

    /** The commands of a chain: split at {@code &&}, {@code ||}, {@code ;}, newlines, and cut at a pipe. */
    static List<String> chain(String command) {
        List<String> parts = new ArrayList<>();
        for (String part : split(command)) {
            String stripped = part.strip();
            if (!stripped.isEmpty()) {
                parts.add(stripped);
            }
        }
        return parts;
    }

    /** Splits at the chain operators outside quotes; a pipe ends the command (what follows filters output). */
    private static List<String> split(String command) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean piped = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                if (!piped) {
                    current.append(c);
                }
                continue;
            }
            boolean twice = i + 1 < command.length() && command.charAt(i + 1) == c;
            if (c == '\'' || c == '"') {
                quote = c;
                if (!piped) {
                    current.append(c);
                }
            } else if (c == ';' || c == '\n' || (c == '&' && twice) || (c == '|' && twice)) {
                parts.add(current.toString());
                current.setLength(0);
                piped = false;
                if (twice) {
                    i++;
                }
            } else if (c == '|') {
                piped = true;
            } else if (!piped) {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /** The words of one command, quotes removed (a quoted word keeps its spaces). */
    private static List<String> words(String part) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : part.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
