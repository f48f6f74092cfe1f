package org.namdrunner.core.lifecycle;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** New job ids: readable, sortable by creation time, unique across machines. */
final class JobIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private JobIds() {
    }

    static String next(Instant now) {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return "job_" + STAMP.format(now) + "_" + HexFormat.of().formatHex(bytes);
    }
}
