package nl.blijvendveilig.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server per test JVM, from the binaries Maven brings (io.zonky.test), so the
 * integration tests need nothing installed.
 */
public final class EmbeddedPostgresDatabase {

  private static EmbeddedPostgres server;

  private EmbeddedPostgresDatabase() {
  }

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
      }
      // stopped after Spring has closed every application context that still uses it
      SpringApplication.getShutdownHandlers().add(() -> {
        try {
          server.close();
        } catch (IOException ignored) {
          // the JVM is going away
        }
      });
    }
    return server;
  }

  /**
   * A database of its own on the same server, for a test that counts everything in it (the dashboard):
   * its application context is then its own too.
   */
  public static void registerOwn(DynamicPropertyRegistry registry, String database) {
    EmbeddedPostgres postgres = server();
    try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
      var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
      if (!exists.next()) {
        statement.execute("create database " + database);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Cannot create database " + database, e);
    }
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", database));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }

  public static void register(DynamicPropertyRegistry registry) {
    EmbeddedPostgres postgres = server();
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }
}
