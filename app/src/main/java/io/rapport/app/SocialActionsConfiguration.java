package io.rapport.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.social.SocialActionDispatcher;
import io.rapport.app.social.SocialEventStore;
import io.rapport.app.social.SocialProperties;
import io.rapport.app.social.SocialReplies;
import io.rapport.app.social.TalkLedger;
import io.rapport.app.social.actions.ChatterPostHandler;
import io.rapport.app.social.actions.CreateCaseHandler;
import io.rapport.app.social.actions.CreateLeadHandler;
import io.rapport.app.social.actions.LeadFollowUpWatch;
import io.rapport.app.social.actions.QueueReplyHandler;
import io.rapport.app.social.actions.ReassignLeadHandler;
import io.rapport.app.social.actions.SlackAlertHandler;
import io.rapport.app.social.rules.SocialRules;
import io.rapport.connector.salesforce.ApiBudget;
import io.rapport.connector.salesforce.SalesforceActions;
import io.rapport.connector.x.XReplyClient;
import io.rapport.connector.x.XSourceSettings;
import io.rapport.sim.slack.SlackSandbox;
import io.rapport.sim.social.SocialSandbox;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the social rules' actions act with: Salesforce (Leads, Cases, Chatter, the follow-up SLA), Slack, the reply
 * queue and X for replies, each against its embedded sandbox unless configured otherwise.
 */
@Configuration(proxyBeanMethods = false)
class SocialActionsConfiguration {

    /** The client name the actions' Salesforce calls carry: store sync tells its own writes apart by another one. */
    static final String SALESFORCE_CLIENT = "rapport-actions";
    static final String SLACK_TOKEN_PLACEHOLDER = "{{rapport.social.slack.token}}";

    @Bean
    SalesforceActions salesforceActions(CamelContext camel, ApiBudget budget) {
        return new SalesforceActions(camel.createProducerTemplate(), budget, SALESFORCE_CLIENT);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("${rapport.social.slack.sandbox:true} and '${rapport.social.slack.server-url:}' == ''")
    SlackSandbox slackSandbox(SocialProperties properties) throws IOException {
        return SlackSandbox.start(SlackSandbox.Config.defaults().withChannels(properties.slack().channels()), 0);
    }

    @Bean
    CreateLeadHandler createLeadHandler(SalesforceActions salesforce, JdbcTemplate jdbc, Clock clock) {
        return new CreateLeadHandler(salesforce, jdbc, clock);
    }

    @Bean
    CreateCaseHandler createCaseHandler(SalesforceActions salesforce) {
        return new CreateCaseHandler(salesforce);
    }

    @Bean
    ChatterPostHandler chatterPostHandler(SalesforceActions salesforce, JdbcTemplate jdbc) {
        return new ChatterPostHandler(salesforce, jdbc);
    }

    @Bean
    ReassignLeadHandler reassignLeadHandler(SalesforceActions salesforce) {
        return new ReassignLeadHandler(salesforce);
    }

    @Bean
    SlackAlertHandler slackAlertHandler(CamelContext camel, SocialProperties properties,
                                        ObjectProvider<SlackSandbox> sandbox) {
        SlackSandbox embedded = sandbox.getIfAvailable();
        String serverUrl = embedded != null ? embedded.baseUrl() : properties.slack().serverUrl();
        String token = embedded != null ? "RAW(" + embedded.config().botToken() + ")" : SLACK_TOKEN_PLACEHOLDER;
        return new SlackAlertHandler(camel.createProducerTemplate(), serverUrl.isBlank() ? "https://slack.com"
                : serverUrl, token);
    }

    @Bean
    QueueReplyHandler queueReplyHandler(JdbcTemplate jdbc, SocialProperties properties, Clock clock) {
        return new QueueReplyHandler(jdbc, properties.account(), clock);
    }

    @Bean(LeadFollowUpWatch.BEAN_NAME)
    LeadFollowUpWatch leadFollowUpWatch(JdbcTemplate jdbc, SalesforceActions salesforce, SocialRules rules,
                                        SocialActionDispatcher dispatcher, SocialEventStore store,
                                        PlatformTransactionManager transactions, ObjectMapper json, Clock clock) {
        return new LeadFollowUpWatch(jdbc, salesforce, rules, dispatcher, store,
                new TransactionTemplate(transactions), json, clock);
    }

    @Bean(destroyMethod = "close")
    SocialReplies socialReplies(JdbcTemplate jdbc, TalkLedger talk, CamelContext camel, XSourceSettings x,
                                SocialProperties properties, ObjectProvider<SocialSandbox> sandbox, Clock clock) {
        String token = properties.reply().userAccessToken();
        SocialSandbox embedded = sandbox.getIfAvailable();
        if (token.isBlank() && embedded != null && x.baseUrl().equals(embedded.baseUrl())) {
            token = embedded.config().userAccessToken();
        }
        Optional<XReplyClient> client = token.isBlank() ? Optional.empty()
                : Optional.of(new XReplyClient(camel, x.baseUrl(), token));
        return new SocialReplies(jdbc, talk, client, clock);
    }
}
