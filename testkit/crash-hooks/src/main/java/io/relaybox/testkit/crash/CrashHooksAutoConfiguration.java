package io.relaybox.testkit.crash;

import java.nio.file.Path;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.relaybox.outbox.inbox.spring.InboxConsumerAutoConfiguration;
import io.relaybox.outbox.kafka.CommitBarrier;

/**
 * Puts the crash-test hook into a service that the test kit starts with this jar on its class path (never into a
 * service's own jar): with {@value #PAUSE_FILE} set, the inbox consumer pauses between its database commit and its
 * offset commit while that file exists, so that a test can kill the process in the window.
 */
@AutoConfiguration(before = InboxConsumerAutoConfiguration.class)
@ConditionalOnClass(CommitBarrier.class)
@ConditionalOnProperty(CrashHooksAutoConfiguration.PAUSE_FILE)
public class CrashHooksAutoConfiguration {

    /** The property naming the file whose existence pauses the consumer before its offset commit. */
    public static final String PAUSE_FILE = "relaybox.testkit.pause-before-offset-commit";

    @Bean
    CommitBarrier fileCommitBarrier(Environment environment) {
        return new FileCommitBarrier(Path.of(environment.getRequiredProperty(PAUSE_FILE)));
    }
}
