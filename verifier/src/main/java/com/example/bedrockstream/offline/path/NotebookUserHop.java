package com.example.bedrockstream.offline.path;

/**
 * The hops of a notebook user's way in from the VPC or a corporate network (DESIGN.md §3, notebooks): the exported
 * policy, the VPC's own SageMaker API and notebook endpoints, what admits the user to them, and the notebook's own
 * private way to CloudWatch Logs, each proven from the resources.
 */
public enum NotebookUserHop implements PathStep {
    USER_POLICY("1 policy", "the exported user policy opens this notebook only through the VPC's sagemaker.api and"
            + " notebook endpoints, and denies every other way"),
    API_DNS("2 api-dns", "a sagemaker.api endpoint in the notebook's VPC answers the SageMaker API name with private DNS"),
    NOTEBOOK_DNS("3 nb-dns", "a notebook endpoint in the notebook's VPC answers the notebook's URL with private DNS"),
    ADMISSION("4 sg", "both endpoints admit 443 from the VPC's block, and from no public address"),
    ENDPOINT_POLICIES("5 vpce", "both endpoint policies admit this account's users to this notebook, and no one else"),
    NOTEBOOK_LOGS("6 logs", "the notebook reaches the Logs endpoint privately and may write its lifecycle logs there");

    private final String label;
    private final String meaning;

    NotebookUserHop(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
