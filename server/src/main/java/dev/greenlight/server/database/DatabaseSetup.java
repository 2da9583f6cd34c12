package dev.greenlight.server.database;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.greenlight.server.config.GreenlightProperties;

/**
 * Provides the connection pool. With {@code GREENLIGHT_DATABASE_URL} unset it first starts the embedded PostgreSQL;
 * the pool depends on that bean, so at shutdown the pool closes before the database stops.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseSetup {

    @Bean(destroyMethod = "close")
    @Nullable EmbeddedPostgresServer embeddedPostgres(GreenlightProperties properties) {
        if (properties.database().isExternal()) {
            return null;
        }
        return EmbeddedPostgresServer.start(properties.dataDir());
    }

    /** Depends on the embedded server explicitly, so the pool is always closed before the database stops. */
    @Bean(destroyMethod = "close")
    @DependsOn("embeddedPostgres")
    HikariDataSource dataSource(GreenlightProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("greenlight");
        config.setMaximumPoolSize(20);
        config.setConnectionTimeout(10_000);
        GreenlightProperties.Database database = properties.database();
        EmbeddedPostgresServer embeddedServer = embedded.getIfAvailable();
        if (embeddedServer != null) {
            config.setJdbcUrl(embeddedServer.jdbcUrl());
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(database.url());
            config.setUsername(database.user().isEmpty() ? null : database.user());
            config.setPassword(database.password().isEmpty() ? null : database.password());
        }
        return new HikariDataSource(config);
    }
}
