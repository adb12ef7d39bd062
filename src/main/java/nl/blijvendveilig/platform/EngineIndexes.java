package nl.blijvendveilig.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Indexes on Camunda's tables that its schema lacks for this workload (db/engine/postgresql-indexes.sql),
 * made after the engine has created or checked its schema, so they cannot run before the tables exist
 * as a Flyway migration could. PostgreSQL only; the statements are idempotent.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  private final DataSource dataSource;

  public EngineIndexes(@Lazy DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql());
      }
      LOG.info("Engine indexes in place");
    } catch (SQLException e) {
      // another node starting at the same moment may be making them: they help, they are not needed to run
      LOG.warn("Engine indexes not made now: {}", e.getMessage());
    }
  }

  private static String sql() {
    try (InputStream in = new ClassPathResource("db/engine/postgresql-indexes.sql").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
