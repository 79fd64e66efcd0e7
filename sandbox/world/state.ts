/**
 * The simulated world's state: plain JSON (epoch-millisecond timestamps, records keyed by id),
 * so that it can be saved to a file and restored. Services read it to answer calls, providers
 * and the simulation change it.
 */

export interface Tag {
  Key: string;
  Value: string;
}

export interface Vpc {
  vpcId: string;
  cidrBlock: string;
  isDefault: boolean;
  tags: Tag[];
}

export interface Subnet {
  subnetId: string;
  vpcId: string;
  cidrBlock: string;
  availabilityZone: string;
  availabilityZoneId: string;
  mapPublicIpOnLaunch: boolean;
  tags: Tag[];
}

export interface SecurityGroupRule {
  IpProtocol: string;
  FromPort?: number;
  ToPort?: number;
  CidrIp?: string;
  SourceSecurityGroupId?: string;
  Description?: string;
}

export interface SecurityGroup {
  groupId: string;
  groupName: string;
  description: string;
  vpcId: string;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
  tags: Tag[];
}

export interface KeyPair {
  keyPairId: string;
  keyName: string;
  keyFingerprint: string;
  keyType: string;
  createdAt: number;
  tags: Tag[];
}

export interface Image {
  imageId: string;
  name: string;
  description: string;
  architecture: string;
  ownerId: string;
  creationDate: number;
}

export type InstanceState =
  'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

export interface Instance {
  instanceId: string;
  imageId: string;
  instanceType: string;
  keyName?: string;
  subnetId: string;
  vpcId: string;
  availabilityZone: string;
  privateIpAddress: string;
  securityGroupIds: string[];
  iamInstanceProfileArn?: string;
  state: InstanceState;
  stateChangedAt: number;
  stateTransitionReason: string;
  launchTime: number;
  tags: Tag[];
}

export interface Cluster {
  clusterArn: string;
  clusterName: string;
  status: 'ACTIVE' | 'INACTIVE';
  settings: { name: string; value: string }[];
  tags: { key: string; value: string }[];
  stackName?: string;
}

export interface TaskDefinition {
  taskDefinitionArn: string;
  family: string;
  revision: number;
  status: 'ACTIVE' | 'INACTIVE';
  /** The API's shape (lowerCamel), converted from the template's properties. */
  definition: Record<string, unknown>;
  registeredAt: number;
}

export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export interface Deployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  failedTasks: number;
  createdAt: number;
  updatedAt: number;
  rolloutState: RolloutState;
  rolloutStateReason: string;
}

export interface ServiceEvent {
  id: string;
  createdAt: number;
  message: string;
}

export interface ServiceLoadBalancer {
  targetGroupArn: string;
  containerName: string;
  containerPort: number;
}

export interface EcsService {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  launchType: string;
  platformVersion: string;
  loadBalancers: ServiceLoadBalancer[];
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: 'ENABLED' | 'DISABLED';
  maximumPercent: number;
  minimumHealthyPercent: number;
  circuitBreaker: { enable: boolean; rollback: boolean };
  healthCheckGracePeriodSeconds: number;
  enableExecuteCommand: boolean;
  propagateTags?: string;
  deployments: Deployment[];
  events: ServiceEvent[];
  createdAt: number;
  tags: { key: string; value: string }[];
  stackName?: string;
  /** Last time a steady-state event was written (AWS repeats it about every 6 hours). */
  steadyEventAt?: number;
  /** Set after the delete call; the service is INACTIVE once its tasks have stopped. */
  deletedAt?: number;
  /** How finished deployments ended, by deployment id (what CloudFormation waits for). */
  outcomes: Record<string, { state: 'COMPLETED' | 'FAILED'; reason: string }>;
  /** The deployment the last create/update started; the provider's `settle` watches it. */
  watchedDeploymentId: string;
  /** The task definition of the last completed deployment (the circuit breaker rolls back to it). */
  lastCompletedTaskDefinition?: string;
  /** Tasks started so far (spreads tasks over the service's subnets). */
  startedTasks: number;
  /** ECS waits a little before starting a replacement for a task that failed. */
  nextLaunchAt: number;
}

export type TaskStatus =
  | 'PROVISIONING'
  | 'PENDING'
  | 'ACTIVATING'
  | 'RUNNING'
  | 'DEACTIVATING'
  | 'STOPPING'
  | 'DEPROVISIONING'
  | 'STOPPED';

export interface Task {
  taskArn: string;
  clusterArn: string;
  serviceArn: string;
  deploymentId: string;
  group: string;
  startedBy: string;
  taskDefinitionArn: string;
  launchType: string;
  lastStatus: TaskStatus;
  desiredStatus: 'RUNNING' | 'STOPPED';
  healthStatus: 'UNKNOWN' | 'HEALTHY' | 'UNHEALTHY';
  /** When the task entered `lastStatus`. */
  statusSince: number;
  createdAt: number;
  pullStartedAt?: number;
  pullStoppedAt?: number;
  startedAt?: number;
  stoppingAt?: number;
  stoppedAt?: number;
  stoppedReason?: string;
  stopCode?: string;
  exitCode?: number;
  containerName: string;
  containerPort?: number;
  cpu: string;
  memory: string;
  privateIp: string;
  subnetId: string;
  availabilityZone: string;
  eniId: string;
  /** The task started but failed (counts toward the circuit breaker). */
  failed?: boolean;
}

export type TargetState = 'initial' | 'healthy' | 'unhealthy' | 'draining' | 'unused';

export interface Target {
  id: string;
  port: number;
  availabilityZone: string;
  state: TargetState;
  reason?: string;
  description?: string;
  registeredAt: number;
  nextCheckAt: number;
  passes: number;
  failures: number;
  drainingUntil?: number;
}

export interface HealthCheck {
  protocol: string;
  port: string;
  path: string;
  intervalSeconds: number;
  timeoutSeconds: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  matcher: string;
  enabled: boolean;
}

export interface TargetGroup {
  targetGroupArn: string;
  name: string;
  protocol: string;
  port: number;
  vpcId: string;
  targetType: string;
  healthCheck: HealthCheck;
  attributes: Record<string, string>;
  targets: Target[];
  /** Set by the control API: health checks fail with this reason until cleared. */
  forcedFailure?: 'Target.ResponseCodeMismatch' | 'Target.FailedHealthChecks';
  tags: Tag[];
}

export interface LoadBalancer {
  loadBalancerArn: string;
  name: string;
  /** `127.0.0.1:<port>`: the sandbox serves each load balancer on its own local port. */
  dnsName: string;
  localPort: number;
  canonicalHostedZoneId: string;
  scheme: string;
  type: string;
  ipAddressType: string;
  state: 'provisioning' | 'active' | 'failed';
  createdAt: number;
  vpcId: string;
  subnets: { subnetId: string; zoneName: string }[];
  securityGroups: string[];
  attributes: Record<string, string>;
  tags: Tag[];
}

export interface ListenerAction {
  Type: string;
  TargetGroupArn?: string;
  Order?: number;
  RedirectConfig?: Record<string, unknown>;
  FixedResponseConfig?: Record<string, unknown>;
  ForwardConfig?: Record<string, unknown>;
}

export interface Listener {
  listenerArn: string;
  loadBalancerArn: string;
  port: number;
  protocol: string;
  certificates: { CertificateArn: string }[];
  sslPolicy?: string;
  defaultActions: ListenerAction[];
}

export interface Parameter {
  name: string;
  type: 'String' | 'StringList' | 'SecureString';
  value: string;
  version: number;
  lastModifiedDate: number;
  dataType: string;
  description?: string;
  tier: string;
  allowedPattern?: string;
  /** AWS-owned public parameter (`/aws/service/...`): readable, not listed by DescribeParameters. */
  public?: boolean;
  tags: Tag[];
}

/** A resource the sandbox only keeps for its ids and attributes (IAM, EFS, logs, secrets). */
export interface RecordedResource {
  type: string;
  physicalId: string;
  attributes: Record<string, unknown>;
  properties: Record<string, unknown>;
  stackName: string;
}

/** One EC2 agent as its Jenkins controller sees it. */
export interface AgentNode {
  instanceId: string;
  nodeName: string;
  launchedAt: number;
  /** When the agent connects (the plugin's SSH launch finishes). */
  onlineAt: number;
  busy: boolean;
  idleSince: number;
  /** Kept by `minimumNumberOfInstances`: not reaped for idleness. */
  lastHeartbeatAt: number;
}

/** The scale limits the simulated EC2 plugin last read, and where it read them from. */
export interface AgentSettings {
  source: 'casc' | 'ssm';
  cloudName: string;
  templateDescription: string;
  instanceCap: number;
  warmAgents: number;
  idleMinutes: number;
  instanceType: string;
  amiId: string;
  numExecutors: number;
  labels: string;
  tags: Tag[];
  subnetIds: string[];
  securityGroupIds: string[];
  instanceProfileArn?: string;
  /** The Jenkins root URL (`unclassified.location.url`), which agents are tagged with. */
  jenkinsUrl?: string;
  /** `jenkins.systemMessage` as loaded; Jenkins serves it as `description` in `/api/json`. */
  systemMessage?: string;
  readAt: number;
}

/** A Jenkins controller (JENKINS_HOME on EFS outlives tasks), keyed by its ECS service ARN. */
export interface JenkinsController {
  serviceArn: string;
  clusterArn: string;
  stackName?: string;
  /** Builds wanting an executor (running or queued). */
  demand: number;
  nextQueueId: number;
  agents: Record<string, AgentNode>;
  settings?: AgentSettings;
  /** Why the last settings read failed, if it did. */
  settingsProblem?: string;
}

export interface HostedZone {
  id: string;
  name: string;
  callerReference: string;
  privateZone: boolean;
  comment: string;
  records: Record<string, { name: string; type: string; value: unknown; stackName: string }>;
}

export interface RegionState {
  seededAt: number;
  vpcs: Record<string, Vpc>;
  subnets: Record<string, Subnet>;
  securityGroups: Record<string, SecurityGroup>;
  keyPairs: Record<string, KeyPair>;
  images: Record<string, Image>;
  instances: Record<string, Instance>;
  clusters: Record<string, Cluster>;
  taskDefinitions: Record<string, TaskDefinition>;
  services: Record<string, EcsService>;
  tasks: Record<string, Task>;
  loadBalancers: Record<string, LoadBalancer>;
  targetGroups: Record<string, TargetGroup>;
  listeners: Record<string, Listener>;
  parameters: Record<string, Parameter>;
  recorded: Record<string, RecordedResource>;
  controllers: Record<string, JenkinsController>;
}

export interface WorldState {
  version: 1;
  clock: { now: number };
  randomSeed: number;
  regions: Record<string, RegionState>;
  hostedZones: Record<string, HostedZone>;
  /** Owned by the CloudFormation engine. */
  cloudformation: Record<string, unknown>;
}
