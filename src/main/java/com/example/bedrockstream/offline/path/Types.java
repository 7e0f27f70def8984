package com.example.bedrockstream.offline.path;

/** The Pulumi resource types the proof reads. */
final class Types {
    static final String VPC = "aws:ec2/vpc:Vpc";
    static final String SUBNET = "aws:ec2/subnet:Subnet";
    static final String ROUTE_TABLE_ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";
    static final String ROUTE = "aws:ec2/route:Route";
    static final String ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
    static final String INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    static final String EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    static final String TGW_ROUTE_TABLE = "aws:ec2transitgateway/routeTable:RouteTable";
    static final String TGW_VPC_ATTACHMENT = "aws:ec2transitgateway/vpcAttachment:VpcAttachment";
    static final String TGW_PEERING = "aws:ec2transitgateway/peeringAttachment:PeeringAttachment";
    static final String TGW_PEERING_ACCEPTER =
            "aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter";
    static final String TGW_ASSOCIATION = "aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation";
    static final String TGW_PROPAGATION = "aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation";
    static final String TGW_ROUTE = "aws:ec2transitgateway/route:Route";
    static final String ZONE = "aws:route53/zone:Zone";
    static final String ZONE_ASSOCIATION = "aws:route53/zoneAssociation:ZoneAssociation";
    static final String RECORD = "aws:route53/record:Record";
    static final String ROLE = "aws:iam/role:Role";
    static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    static final String FUNCTION = "aws:lambda/function:Function";
    static final String NOTEBOOK = "aws:sagemaker/notebookInstance:NotebookInstance";

    private Types() {
    }
}
