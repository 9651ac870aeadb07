package dev.belay.executor;

/**
 * The end of the last WAL record the primary inserted, for {@link DBConnection#walPosition()}. PostgreSQL's insert
 * position is where the next record will start: when the last one ended exactly at the end of a WAL page, that is
 * past the next page's header, a position a replica reaches only once another record is written (on an idle
 * primary, up to 15 s later). So a position just past a page header (40 bytes at the start of a segment, 24 on any
 * other page) is moved back to the page's start, where the last record ended.
 *
 * @param insert     {@code pg_current_wal_insert_lsn()}
 * @param fileOffset its offset in its WAL segment file
 * @param blockSize  the WAL page size ({@code wal_block_size})
 */
record WalEnd(String insert, long fileOffset, long blockSize) {
    static final String SQL = "SELECT l::text AS insert, o.file_offset AS file_offset, "
            + "current_setting('wal_block_size')::int8 AS block_size "
            + "FROM pg_current_wal_insert_lsn() AS l, pg_walfile_name_offset(l) AS o";

    private static final long LONG_HEADER = 40;
    private static final long SHORT_HEADER = 24;

    WalPosition position() {
        WalPosition at = WalPosition.parse(insert);
        if (fileOffset == LONG_HEADER) {
            return at.minus(LONG_HEADER);
        }
        if (fileOffset > blockSize && fileOffset % blockSize == SHORT_HEADER) {
            return at.minus(SHORT_HEADER);
        }
        return at;
    }
}
