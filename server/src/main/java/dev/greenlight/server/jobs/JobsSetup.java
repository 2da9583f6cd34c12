package dev.greenlight.server.jobs;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the queue from db-scheduler's core library (its Spring Boot starter is not used, see ADR 0015): the scheduler
 * and the enqueuing client in {@link JobScheduler}, one task per {@link JobHandler} bean in {@link JobTasks}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class JobsSetup {
}
