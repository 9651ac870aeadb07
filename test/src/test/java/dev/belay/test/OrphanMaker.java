package dev.belay.test;

/**
 * The JVM {@link OrphansTest} starts, and kills: {@code cluster} makes a {@link PostgresCluster} primary, {@code
 * bouncer} a {@link PgBouncer}, prints {@code READY <port>} and waits to be killed; with {@code once} after the kind
 * it makes one, closes it and exits, as a later test run does.
 */
final class OrphanMaker {
    private OrphanMaker() {}

    public static void main(String[] args) throws Exception {
        boolean once = args.length > 1 && args[1].equals("once");
        AutoCloseable made;
        int port;
        if (args[0].equals("cluster")) {
            PostgresCluster c = PostgresCluster.primary();
            made = c;
            port = c.port();
        } else {
            PgBouncer b = PgBouncer.start(PostgresServer.find(), 1);
            made = b;
            port = b.port();
        }
        if (once) {
            made.close();
            return;
        }
        System.out.println("READY " + port);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
