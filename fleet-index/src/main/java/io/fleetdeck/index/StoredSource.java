package io.fleetdeck.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * A thing's document kept in the index itself (a stored field, compressed by Lucene), so that a shadow commit or a
 * connectivity change can be written by patching it instead of reading the thing back from the store. Binary, in
 * Lucene's own data format, since it is written for every change: a version byte, the fields (path, then each value
 * as a type byte and the value), then the attributes as registered.
 */
final class StoredSource {

    static final String FIELD = "#source";
    private static final byte FORMAT = 1;
    private static final byte TEXT = 0;
    private static final byte LONG = 1;
    private static final byte DOUBLE = 2;
    private static final byte FALSE = 3;
    private static final byte TRUE = 4;

    private StoredSource() {}

    static BytesRef encode(FleetDocument document) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeByte(FORMAT);
            out.writeVInt(document.fields().size());
            for (Map.Entry<String, List<Object>> field : document.fields().entrySet()) {
                out.writeString(field.getKey());
                out.writeVInt(field.getValue().size());
                for (Object value : field.getValue()) {
                    writeValue(out, value);
                }
            }
            out.writeMapOfStrings(document.attributes());
        } catch (IOException e) {
            throw new UncheckedIOException("a thing's document could not be kept in the index", e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    private static void writeValue(ByteBuffersDataOutput out, Object value) throws IOException {
        switch (value) {
            case String text -> {
                out.writeByte(TEXT);
                out.writeString(text);
            }
            case Long number -> {
                out.writeByte(LONG);
                out.writeZLong(number);
            }
            case Number number -> {
                out.writeByte(DOUBLE);
                out.writeLong(Double.doubleToRawLongBits(number.doubleValue()));
            }
            case Boolean bool -> out.writeByte(bool ? TRUE : FALSE);
            default ->
                throw new IllegalArgumentException(
                        "not an indexed value: " + value.getClass().getName());
        }
    }

    /** The document as written; empty when the bytes are not one (an index written before sources were kept). */
    static Optional<FleetDocument> decode(String thingName, BytesRef bytes) {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        try {
            if (bytes.length == 0 || in.readByte() != FORMAT) {
                return Optional.empty();
            }
            FleetDocument.Builder document = FleetDocument.builder(thingName);
            int fields = in.readVInt();
            for (int field = 0; field < fields; field++) {
                String path = in.readString();
                int values = in.readVInt();
                for (int value = 0; value < values; value++) {
                    document.add(path, readValue(in));
                }
            }
            return Optional.of(document.attributesAsRegistered(new LinkedHashMap<>(in.readMapOfStrings()))
                    .build());
        } catch (RuntimeException | IOException unreadable) {
            return Optional.empty();
        }
    }

    private static Object readValue(ByteArrayDataInput in) throws IOException {
        byte type = in.readByte();
        return switch (type) {
            case TEXT -> in.readString();
            case LONG -> in.readZLong();
            case DOUBLE -> Double.longBitsToDouble(in.readLong());
            case FALSE -> false;
            case TRUE -> true;
            default -> throw new IOException("unknown value type " + type);
        };
    }
}
