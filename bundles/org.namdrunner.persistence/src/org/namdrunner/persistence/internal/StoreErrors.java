package org.namdrunner.persistence.internal;

import java.sql.SQLException;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite failures into sentences a person can act on. */
final class StoreErrors {

    private StoreErrors() {
    }

    static String describe(Throwable e) {
        if (e instanceof StoreProblem) {
            return e.getMessage();
        }
        if (e instanceof SQLiteException s) {
            String meaning = meaning(s.getResultCode());
            if (meaning != null) {
                return meaning;
            }
        }
        if (e instanceof SQLException || e.getMessage() != null) {
            return e.getMessage();
        }
        return e.toString();
    }

    private static String meaning(SQLiteErrorCode code) {
        if (code == null) {
            return null;
        }
        return switch (code.code & 0xff) {
            case 5, 6 -> "the database stayed locked by another NAMDRunner for more than " + Database.BUSY_TIMEOUT_MS / 1000
                    + " s; try again";
            case 8 -> "the database file is read-only (check its permissions)";
            case 10 -> "the disk reported an input/output error";
            case 11 -> "the database file is damaged";
            case 13 -> "the disk is full";
            case 14 -> "the database file cannot be opened (missing folder or no permission)";
            case 26 -> "the file is not an SQLite database";
            default -> null;
        };
    }

    static boolean isPrimaryKeyViolation(SQLException e) {
        return e instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
    }
}
