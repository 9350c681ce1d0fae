package dev.graphmemory.indexer.walk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads a file for indexing: refuses binary and oversized files with a reason, decodes UTF-8
 * (falling back to ISO-8859-1 for files that are not), and computes the git blob id as the content
 * hash, so the hash of an unchanged file equals what {@code git hash-object} prints.
 */
public final class FileContent {
    private static final int BINARY_PROBE = 8000;

    private FileContent() {}

    /** What reading one file gave: its text and hash, or the reason it was skipped. */
    public record Read(String text, String hash, String skipReason) {
        public boolean ok() {
            return skipReason == null;
        }
    }

    /** Reads {@code file}, refusing it when larger than {@code maxBytes} or binary. */
    public static Read read(Path file, long maxBytes) {
        try {
            String refused = refusedByAttributes(file, maxBytes);
            if (refused != null) {
                return new Read(null, null, refused);
            }
            byte[] bytes = readNoFollow(file, maxBytes);
            if (bytes == null) {
                return new Read(null, null, "oversized (grew past " + maxBytes + " bytes while read)");
            }
            if (binary(bytes)) {
                return new Read(null, null, "binary");
            }
            return new Read(decode(bytes), gitBlobId(bytes), null);
        } catch (IOException e) {
            return new Read(null, null, "unreadable: " + e.getMessage());
        }
    }

    /**
     * Why {@link #read} would refuse {@code file}, or null when it would read it; looks at the
     * attributes and the first few kilobytes only. For files that are counted but never read whole.
     */
    public static String skipReason(Path file, long maxBytes) {
        try {
            String refused = refusedByAttributes(file, maxBytes);
            if (refused != null) {
                return refused;
            }
            try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                return binary(in.readNBytes(BINARY_PROBE)) ? "binary" : null;
            }
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static String refusedByAttributes(Path file, long maxBytes) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isSymbolicLink()) {
            return "symlink";
        }
        if (!attrs.isRegularFile()) {
            // Checked before opening: opening a named pipe would block the run.
            return "not a regular file";
        }
        long size = attrs.size();
        return size > maxBytes ? "oversized (" + size + " bytes > " + maxBytes + ")" : null;
    }

    /** Whether the first {@value #BINARY_PROBE} bytes hold a NUL, as git decides. */
    private static boolean binary(byte[] bytes) {
        int probe = Math.min(bytes.length, BINARY_PROBE);
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The file's bytes, opened without following a link at the file itself (a file swapped for a
     * link after the walk fails to open instead of being read through it), or null past {@code maxBytes}.
     */
    private static byte[] readNoFollow(Path file, long maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            return bytes.length > maxBytes ? null : bytes;
        }
    }

    /** The git blob id of {@code bytes}: SHA-1 over {@code "blob <length>\0"} and the bytes. */
    public static String gitBlobId(byte[] bytes) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
            sha1.update(bytes);
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
