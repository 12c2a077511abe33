package io.relaybox.connect.s3archive.partition;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of an archive object, a pure function of the data:
 * {@code <prefix>/<topic>/dt=<YYYY-MM-DD>/partition=<p>/<topic>+<p>+<first offset, 20 digits>.ndjson.gz}. The date is the
 * UTC date of the object's first record's time (see {@link RecordTime}); every record of an object has that date.
 *
 * @param prefix the key prefix without leading or trailing slash; empty for none
 */
public record ObjectKey(String prefix, String topic, LocalDate date, int partition, long firstOffset) {

    public static final String SUFFIX = ".ndjson.gz";
    private static final Pattern KEY = Pattern.compile(
            "(?<topic>[^/]+)/dt=(?<date>\\d{4}-\\d{2}-\\d{2})/partition=(?<p>\\d+)/(?<t2>[^/]+)\\+(?<p2>\\d+)\\+(?<offset>\\d{20})"
                    + Pattern.quote(SUFFIX));

    public ObjectKey {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(date, "date");
    }

    /** The object's key in the bucket. */
    public String key() {
        return partitionPrefix(prefix, topic, date, partition) + topic + "+" + partition + "+" + String.format("%020d", firstOffset)
                + SUFFIX;
    }

    /** {@code <prefix>/<topic>/}: every object of the topic. */
    public static String topicPrefix(String prefix, String topic) {
        return (prefix.isEmpty() ? "" : prefix + "/") + topic + "/";
    }

    /** {@code <prefix>/<topic>/dt=<date>/}: the objects of the topic whose records have this date. */
    public static String datePrefix(String prefix, String topic, LocalDate date) {
        return topicPrefix(prefix, topic) + "dt=" + date + "/";
    }

    /** {@code <prefix>/<topic>/dt=<date>/partition=<p>/}. */
    public static String partitionPrefix(String prefix, String topic, LocalDate date, int partition) {
        return datePrefix(prefix, topic, date) + "partition=" + partition + "/";
    }

    /** The date of a {@code .../dt=<date>/} prefix, when it is one. */
    public static Optional<LocalDate> dateOfPrefix(String datePrefix) {
        Matcher m = Pattern.compile(".*/dt=(\\d{4}-\\d{2}-\\d{2})/?").matcher(datePrefix);
        return m.matches() ? Optional.of(LocalDate.parse(m.group(1))) : Optional.empty();
    }

    /**
     * Reads a key written by the sink under this prefix.
     *
     * @return empty when the key is not an archive object of this layout (other files in the bucket are ignored)
     */
    public static Optional<ObjectKey> parse(String prefix, String key) {
        String start = prefix.isEmpty() ? "" : prefix + "/";
        if (!key.startsWith(start)) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(key.substring(start.length()));
        if (!m.matches() || !m.group("topic").equals(m.group("t2")) || !m.group("p").equals(m.group("p2"))) {
            return Optional.empty();
        }
        return Optional.of(new ObjectKey(prefix, m.group("topic"), LocalDate.parse(m.group("date")), Integer.parseInt(m.group("p")),
                Long.parseLong(m.group("offset"))));
    }

    @Override
    public String toString() {
        return key();
    }
}
