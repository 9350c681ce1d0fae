package dev.graphmemory.indexer.incremental;

import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.indexer.model.NodeUpdate;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A compact binary form of graph rows and property values for the on-disk cache.
 *
 * <p>Design note: the encoding is canonical (map keys sorted, every integer written as a long,
 * every floating value as a double), so two rows that Neo4j would store alike encode to the same
 * bytes; {@link #key} uses that to compare rows of two runs without a field-by-field equality.
 * Types are written by enum name, so a cache survives reordering of the enums.
 */
public final class RowCodec {
    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte LONG = 2;
    private static final byte DOUBLE = 3;
    private static final byte BOOLEAN = 4;
    private static final byte LIST = 5;

    private RowCodec() {}

    /** Writes a node row. */
    public static void write(DataOutput out, NodeRow node) throws IOException {
        out.writeShort(node.types().size());
        for (NodeType t : node.types()) {
            out.writeUTF(t.name());
        }
        writeString(out, node.key());
        writeProps(out, node.properties());
    }

    /** Reads a node row written by {@link #write(DataOutput, NodeRow)}. */
    public static NodeRow readNode(DataInput in) throws IOException {
        int n = in.readUnsignedShort();
        List<NodeType> types = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            types.add(NodeType.valueOf(in.readUTF()));
        }
        String key = readString(in);
        return new NodeRow(types, key, readProps(in));
    }

    /** Writes an edge row. */
    public static void write(DataOutput out, EdgeRow edge) throws IOException {
        out.writeUTF(edge.type().name());
        writeString(out, edge.fromId());
        writeString(out, edge.toId());
        writeProps(out, edge.properties());
    }

    /** Reads an edge row written by {@link #write(DataOutput, EdgeRow)}. */
    public static EdgeRow readEdge(DataInput in) throws IOException {
        RelType type = RelType.valueOf(in.readUTF());
        String from = readString(in);
        String to = readString(in);
        return new EdgeRow(type, from, to, readProps(in));
    }

    /** Writes a node update. */
    public static void write(DataOutput out, NodeUpdate update) throws IOException {
        writeString(out, update.id());
        out.writeUTF(update.addType().name());
        writeProps(out, update.properties());
    }

    /** Reads a node update written by {@link #write(DataOutput, NodeUpdate)}. */
    public static NodeUpdate readUpdate(DataInput in) throws IOException {
        String id = readString(in);
        NodeType type = NodeType.valueOf(in.readUTF());
        return new NodeUpdate(id, type, readProps(in));
    }

    /**
     * The canonical bytes of a row, as a string usable as a map key. Edges without properties
     * (most of them) take a cheaper form that cannot equal an encoded one: both start with a NUL,
     * then this form has the type's first letter where the encoded one has the name's length.
     */
    public static String key(Object row) {
        if (row instanceof EdgeRow e && e.properties().isEmpty()) {
            return "\0" + e.type().name() + '\0' + e.fromId() + '\0' + e.toId();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            switch (row) {
                case NodeRow n -> write(out, n);
                case EdgeRow e -> write(out, e);
                case NodeUpdate u -> write(out, u);
                default -> throw new IllegalArgumentException("not a row: " + row.getClass());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * The edge with its property values in the form {@link #readEdge} returns (integers as longs,
     * floats as doubles), so an edge of this run equals the same edge read back from the last
     * run's snapshot.
     */
    public static EdgeRow normalized(EdgeRow edge) {
        if (edge.properties().isEmpty()) {
            return edge;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        boolean same = true;
        for (Map.Entry<String, Object> e : edge.properties().entrySet()) {
            Object v = canonical(e.getValue());
            same &= v.equals(e.getValue()) && v.getClass() == e.getValue().getClass();
            props.put(e.getKey(), v);
        }
        return same ? edge : new EdgeRow(edge.type(), edge.fromId(), edge.toId(), props);
    }

    private static Object canonical(Object v) {
        return switch (v) {
            case Byte b -> b.longValue();
            case Short x -> x.longValue();
            case Integer i -> i.longValue();
            case Float x -> x.doubleValue();
            case String[] array -> List.of(array);
            case List<?> list -> list.stream().map(RowCodec::canonical).toList();
            default -> v;
        };
    }

    /** Writes a property map, keys sorted. */
    public static void writeProps(DataOutput out, Map<String, Object> props) throws IOException {
        Map<String, Object> sorted = new TreeMap<>(props);
        sorted.values().removeIf(v -> v == null);
        out.writeInt(sorted.size());
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            out.writeUTF(e.getKey());
            writeValue(out, e.getValue());
        }
    }

    /** Reads a property map. */
    public static Map<String, Object> readProps(DataInput in) throws IOException {
        int n = in.readInt();
        Map<String, Object> props = new LinkedHashMap<>(Math.max(4, n * 2));
        for (int i = 0; i < n; i++) {
            String k = in.readUTF();
            props.put(k, readValue(in));
        }
        return props;
    }

    private static void writeValue(DataOutput out, Object v) throws IOException {
        switch (v) {
            case null -> out.writeByte(NULL);
            case String s -> {
                out.writeByte(STRING);
                writeString(out, s);
            }
            case Byte b -> writeLong(out, b);
            case Short s -> writeLong(out, s);
            case Integer i -> writeLong(out, i);
            case Long l -> writeLong(out, l);
            case Float f -> writeDouble(out, f);
            case Double d -> writeDouble(out, d);
            case Boolean b -> {
                out.writeByte(BOOLEAN);
                out.writeBoolean(b);
            }
            case List<?> list -> {
                out.writeByte(LIST);
                out.writeInt(list.size());
                for (Object x : list) {
                    writeValue(out, x);
                }
            }
            case String[] array -> writeValue(out, List.of(array));
            default -> throw new IllegalArgumentException("cannot cache a property value of " + v.getClass());
        }
    }

    private static void writeLong(DataOutput out, long v) throws IOException {
        out.writeByte(LONG);
        out.writeLong(v);
    }

    private static void writeDouble(DataOutput out, double v) throws IOException {
        out.writeByte(DOUBLE);
        out.writeDouble(v);
    }

    private static Object readValue(DataInput in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case STRING -> readString(in);
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case BOOLEAN -> in.readBoolean();
            case LIST -> {
                int n = in.readInt();
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(readValue(in));
                }
                yield list;
            }
            default -> throw new IOException("corrupt cache: unknown value tag " + tag);
        };
    }

    /** Writes a string of any length (writeUTF stops at 64 KB), {@code null} allowed. */
    public static void writeString(DataOutput out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Reads a string written by {@link #writeString}. */
    public static String readString(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
