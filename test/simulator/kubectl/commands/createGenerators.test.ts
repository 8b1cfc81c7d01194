import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import { runKubectl } from '../../../../simulator/src/kubectl/commands/index';
import { kubectl, testCluster } from './support';

// Expected texts are what the real kubectl (v1.35 binary, `--dry-run=client -o yaml`, and
// against `atelier serve` for the errors) printed for the same command lines.

const firstLine = (text: string): string => text.split('\n')[0]!;
const run = (args: string[]) => runKubectl(testCluster(), args);

describe('simulator/kubectl/commands: create service', () => {
  it('builds a NodePort Service as kubectl does (app label and selector, port named port-targetPort)', () => {
    assert.equal(
      kubectl(testCluster(), 'create service nodeport np --tcp=80:8080 --node-port=30080 --dry-run=client -o yaml').stdout,
      'apiVersion: v1\nkind: Service\nmetadata:\n  labels:\n    app: np\n  name: np\nspec:\n  ports:\n  - name: 80-8080\n    nodePort: 30080\n    port: 80\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    app: np\n  type: NodePort\nstatus:\n  loadBalancer: {}\n',
    );
  });

  it('creates a headless ClusterIP Service and an ExternalName one', () => {
    const cluster = testCluster();
    assert.equal(kubectl(cluster, 'create svc clusterip hl --clusterip=None').stdout, 'service/hl created\n');
    assert.equal((cluster.store.get(kindInfo('v1', 'Service')!, 'default', 'hl').spec as { clusterIP: string }).clusterIP, 'None');
    assert.match(kubectl(cluster, 'create service externalname ex --external-name=db.example.com --tcp=5432 --dry-run=client -o yaml').stdout, /\n {2}externalName: db\.example\.com\n {2}ports:\n {2}- name: "5432"\n/);
  });

  it("refuses what kubectl refuses, with kubectl's words and a French hint", () => {
    const cluster = testCluster();
    const noPort = kubectl(cluster, 'create service clusterip web');
    assert.equal(noPort.stderr.split('\n')[0], 'error: at least one tcp port specifier must be provided');
    assert.match(noPort.stderr, /\n💡 .*--tcp=80:8080/);
    assert.equal(firstLine(kubectl(cluster, 'create service externalname ex').stderr), 'error: required flag(s) "external-name" not set');
    assert.equal(firstLine(kubectl(cluster, 'create service nodeport np --tcp=a').stderr), 'error: strconv.ParseUint: parsing "a": invalid syntax');
    assert.equal(firstLine(kubectl(cluster, 'create service clusterip a --tcp=80:0').stderr), 'error: must be between 1 and 65535, inclusive');
    assert.equal(firstLine(kubectl(cluster, 'create service nodeport a --tcp=80 --clusterip=None').stderr), 'error: unknown flag: --clusterip');
  });
});

describe('simulator/kubectl/commands: create job and cronjob', () => {
  it('builds a Job with the command after --, restartPolicy Never', () => {
    assert.equal(
      run(['create', 'job', 'j2', '--image=busybox', '--dry-run=client', '-o', 'yaml', '--', 'echo', 'hi']).stdout,
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j2\nspec:\n  template:\n    metadata: {}\n    spec:\n      containers:\n      - command:\n        - echo\n        - hi\n        image: busybox\n        name: j2\n        resources: {}\n      restartPolicy: Never\nstatus: {}\n',
    );
  });

  it('builds a CronJob (restartPolicy OnFailure by default) and a Job from it', () => {
    const cluster = testCluster();
    assert.equal(
      runKubectl(cluster, ['create', 'cronjob', 'cj', '--image=busybox', '--schedule=*/5 * * * *', '--dry-run=client', '-o', 'yaml', '--', 'date']).stdout,
      "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: cj\nspec:\n  jobTemplate:\n    metadata:\n      name: cj\n    spec:\n      template:\n        metadata: {}\n        spec:\n          containers:\n          - command:\n            - date\n            image: busybox\n            name: cj\n            resources: {}\n          restartPolicy: OnFailure\n  schedule: '*/5 * * * *'\nstatus: {}\n",
    );
    assert.equal(runKubectl(cluster, ['create', 'cronjob', 'nightly', '--image=busybox', '--schedule=0 3 * * *']).stdout, 'cronjob.batch/nightly created\n');
    const uid = (cluster.store.get(kindInfo('batch/v1', 'CronJob')!, 'default', 'nightly').metadata as { uid: string }).uid;
    const job = kubectl(cluster, 'create job manual --from=cronjob/nightly --dry-run=client -o yaml').stdout;
    assert.match(job, new RegExp(`^apiVersion: batch/v1\\nkind: Job\\nmetadata:\\n {2}annotations:\\n {4}cronjob\\.kubernetes\\.io/instantiate: manual\\n {2}name: manual\\n {2}ownerReferences:\\n {2}- apiVersion: batch/v1\\n {4}controller: true\\n {4}kind: CronJob\\n {4}name: nightly\\n {4}uid: ${uid}\\n`));
    assert.match(job, /\n {8}name: nightly\n[^]*restartPolicy: OnFailure\n/);
    assert.equal(kubectl(cluster, 'create job manual --from=cronjob/nightly').stdout, 'job.batch/manual created\n');
  });

  it("refuses what kubectl refuses", () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx');
    assert.equal(firstLine(kubectl(cluster, 'create job j').stderr), 'error: either --image or --from must be specified');
    assert.equal(firstLine(kubectl(cluster, 'create job j --from=deployment/web').stderr), 'error: unknown object type *v1.Deployment');
    assert.equal(firstLine(kubectl(cluster, 'create job j --from=cronjob/nope').stderr), 'Error from server (NotFound): cronjobs.batch "nope" not found');
    assert.equal(firstLine(kubectl(cluster, 'create job j --from=nightly').stderr), 'error: the server doesn\'t have a resource type "nightly"');
    assert.equal(firstLine(kubectl(cluster, 'create cronjob cj --image=busybox').stderr), 'error: required flag(s) "schedule" not set');
    assert.equal(firstLine(kubectl(cluster, 'create cronjob cj').stderr), 'error: required flag(s) "image", "schedule" not set');
  });
});

describe('simulator/kubectl/commands: create role, clusterrole and bindings', () => {
  it('builds one rule per API group, short names expanded, subresources kept', () => {
    assert.equal(
      kubectl(testCluster(), 'create role r --verb=get --resource=pods,deploy,pods/log --resource-name=a --dry-run=client -o yaml').stdout,
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: r\nrules:\n- apiGroups:\n  - ""\n  resourceNames:\n  - a\n  resources:\n  - pods\n  - pods/log\n  verbs:\n  - get\n- apiGroups:\n  - apps\n  resourceNames:\n  - a\n  resources:\n  - deployments\n  verbs:\n  - get\n',
    );
  });

  it('creates a Role that then authorizes the user bound to it', () => {
    const cluster = testCluster();
    assert.equal(kubectl(cluster, 'create role pod-reader --verb=get,list,watch --resource=pods').stdout, 'role.rbac.authorization.k8s.io/pod-reader created\n');
    assert.equal(kubectl(cluster, 'create rolebinding jane-reads --role=pod-reader --user=jane').stdout, 'rolebinding.rbac.authorization.k8s.io/jane-reads created\n');
    assert.equal(kubectl(cluster, 'auth can-i list pods --as jane').stdout, 'yes\n');
    assert.equal(kubectl(cluster, 'auth can-i delete pods --as jane').stdout, 'no\n');
  });

  it('puts users, groups and service accounts in the subjects, and the role in roleRef', () => {
    assert.equal(
      kubectl(testCluster(), 'create rolebinding rb --role=r --user=jane --group=devs --serviceaccount=dev:bot --dry-run=client -o yaml').stdout,
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: rb\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: r\nsubjects:\n- apiGroup: rbac.authorization.k8s.io\n  kind: User\n  name: jane\n- apiGroup: rbac.authorization.k8s.io\n  kind: Group\n  name: devs\n- kind: ServiceAccount\n  name: bot\n  namespace: dev\n',
    );
    assert.equal(kubectl(testCluster(), 'create clusterrolebinding crb --clusterrole=view --user=jane').stdout, 'clusterrolebinding.rbac.authorization.k8s.io/crb created\n');
  });

  it('builds ClusterRoles with non-resource URLs or an aggregation rule', () => {
    assert.match(kubectl(testCluster(), 'create clusterrole cr --verb=get --non-resource-url=/logs/* --dry-run=client -o yaml').stdout, /\nrules:\n- nonResourceURLs:\n {2}- \/logs\/\*\n {2}verbs:\n {2}- get\n$/);
    assert.match(kubectl(testCluster(), 'create clusterrole cr --aggregation-rule=a=b,c=d --dry-run=client -o yaml').stdout, /clusterRoleSelectors:\n {2}- matchLabels:\n {6}a: b\n {6}c: d\n[^]*\nrules: null\n/);
  });

  it('writes the last-applied annotation with --save-config, in the struct order kubectl encodes', () => {
    assert.match(
      kubectl(testCluster(), 'create role r2 --verb=get --resource=pods --save-config --dry-run=client -o yaml').stdout,
      /\n {6}\{"kind":"Role","apiVersion":"rbac\.authorization\.k8s\.io\/v1","metadata":\{"name":"r2"\},"rules":\[\{"verbs":\["get"\],"apiGroups":\[""\],"resources":\["pods"\]\}\]\}\n/,
    );
  });

  it("refuses unknown resources and misplaced verbs with kubectl's texts", () => {
    const cluster = testCluster();
    const unknown = kubectl(cluster, 'create role r --verb=get --resource=foo');
    // checkErr prints a NoResourceMatchError without the `error: ` prefix.
    assert.equal(firstLine(unknown.stderr), 'the server doesn\'t have a resource type "foo"');
    assert.match(unknown.stderr, /\n💡 .*api-resources/);
    assert.equal(unknown.exitCode, 1);
    assert.equal(firstLine(kubectl(cluster, 'create role r --verb=get --resource=pods.apps').stderr), 'the server doesn\'t have a resource type "pods" in group "apps"');
    assert.equal(firstLine(kubectl(cluster, 'create role r --verb=bind --resource=pods').stderr), "error: can not perform 'bind' on 'pods' in group ''");
    assert.equal(firstLine(kubectl(cluster, 'create role r --verb=get').stderr), 'error: at least one resource must be specified');
    assert.equal(firstLine(kubectl(cluster, 'create role r --resource=pods').stderr), 'error: at least one verb must be specified');
    assert.equal(firstLine(kubectl(cluster, 'create role r --verb=get --resource=.apps').stderr), 'error: resource must be specified if apiGroup/subresource specified');
    const odd = kubectl(cluster, 'create role r --verb=frob --resource=pods -o name');
    assert.equal(odd.stdout, 'role.rbac.authorization.k8s.io/r\n');
    assert.equal(odd.stderr, "Warning: 'frob' is not a standard resource verb\n");
    assert.equal(firstLine(kubectl(cluster, 'create clusterrole c --verb=list --non-resource-url=/x').stderr), "error: invalid verb: 'list' for nonResourceURL");
    assert.equal(firstLine(kubectl(cluster, 'create clusterrole c --verb=get --non-resource-url=x').stderr), 'error: nonResourceURL should start with /');
    assert.equal(firstLine(kubectl(cluster, 'create clusterrole c --verb=get').stderr), 'error: one of resource or nonResourceURL must be specified');
    assert.equal(firstLine(kubectl(cluster, 'create clusterrole c --verb=get --aggregation-rule=a=b').stderr), 'error: aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
    assert.equal(firstLine(kubectl(cluster, 'create rolebinding rb --user=x').stderr), 'error: exactly one of clusterrole or role must be specified');
    assert.equal(firstLine(kubectl(cluster, 'create rolebinding rb --role=a --serviceaccount=bad').stderr), 'error: serviceaccount must be <namespace>:<name>');
    assert.equal(firstLine(kubectl(cluster, 'create clusterrolebinding c --user=a').stderr), 'error: required flag(s) "clusterrole" not set');
  });
});
