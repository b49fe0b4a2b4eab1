package io.fleetdeck.fleet.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One numbered schema change, {@code V<n>__<description>.sql}. Its checksum is taken over the exact bytes shipped, so
 * that any edit to a script that databases already ran is noticed rather than silently diverging.
 */
record MigrationScript(int version, String description, String sql, String checksum) {

    private static final Pattern FILE_NAME = Pattern.compile("V([1-9][0-9]*)__(\\w+)\\.sql");

    static MigrationScript of(String fileName, byte[] bytes) {
        Matcher name = FILE_NAME.matcher(fileName);
        if (!name.matches()) {
            throw new StoreException("migration script " + fileName + " is not named V<number>__<description>.sql");
        }
        return new MigrationScript(
                Integer.parseInt(name.group(1)),
                name.group(2).replace('_', ' '),
                new String(bytes, StandardCharsets.UTF_8),
                sha256Hex(bytes));
    }

    String label() {
        return "V" + version + " (" + description + ")";
    }

    /**
     * The scripts are plain DDL without triggers or procedures, so a semicolon at the end of a line always ends a
     * statement; whole-line comments are dropped so that a commented-out statement is not mistaken for one.
     */
    List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                addIfNotBlank(statements, current);
            } else {
                current.append(line).append('\n');
            }
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
