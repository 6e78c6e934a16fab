package id.fleksi.modules.evaluation.feedback.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedbackProperties.class)
class FeedbackConfiguration {}
