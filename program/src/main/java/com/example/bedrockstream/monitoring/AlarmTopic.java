package com.example.bedrockstream.monitoring;

import com.example.bedrockstream.ComponentTypes;
import com.example.bedrockstream.encryption.CustomerManagedKey;
import com.example.bedrockstream.policy.AlarmTopicPolicies;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;
import java.util.Optional;

/**
 * The SNS topic a stack's alarms notify, encrypted with a customer-managed key of its own (an AWS-managed key's
 * policy cannot admit CloudWatch), published to by this account's alarms only, and optionally mailing one address.
 */
public final class AlarmTopic extends ComponentResource {
    private final Output<String> arn;

    public AlarmTopic(String name, AlarmTopicArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("monitoring", AlarmTopic.class), name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var key = CustomerManagedKey.create(name, "Encrypts the alarm topic " + args.topicName(),
                AlarmTopicPolicies.key(args.scope().accountId(), args.scope().region()), Optional.of("alias/" + args.topicName()), this);
        var topic = new Topic(name, TopicArgs.builder()
                .name(args.topicName())
                .kmsMasterKeyId(key.arn())
                .build(), child);
        new TopicPolicy(name, TopicPolicyArgs.builder()
                .arn(topic.arn())
                .policy(topic.arn().applyValue(topicArn ->
                        AlarmTopicPolicies.topic(topicArn, args.scope().accountId(), args.scope().region()).toJson()))
                .build(), child);
        args.email().ifPresent(address -> new TopicSubscription(name + "-email", TopicSubscriptionArgs.builder()
                .topic(topic.arn())
                .protocol("email")
                .endpoint(address)
                .build(), child));
        this.arn = topic.arn();
        registerOutputs(Map.of("arn", arn));
    }

    public Output<String> arn() {
        return arn;
    }
}
