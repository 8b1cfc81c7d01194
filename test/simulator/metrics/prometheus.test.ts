import * as assert from 'node:assert/strict';
import { goFloat, prometheusSnapshot } from '../../../simulator/src/metrics/index';
import { Harness } from '../kubelet/harness';

type Obj = Record<string, unknown>;
interface ContainerStatus {
  containerID?: string;
  image?: string;
  state: { running?: { startedAt: string } };
}
const firstContainer = (pod: Obj): ContainerStatus => (pod.status as { containerStatuses: ContainerStatus[] }).containerStatuses[0]!;

/** A small cluster: a running nginx, a crash-looping busybox, a Deployment and a failed Job (statuses written by hand). */
function scenario(): { h: Harness; text: string; uid: (pod: string) => string } {
  const h = new Harness();
  h.pod('web', [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { memory: '128Mi' } } }]);
  h.pod('crash', [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }]);
  h.pod('busy', [{ name: 'loop', image: 'busybox:1.36', command: ['sh', '-c', 'while true; do :; done'], resources: { limits: { cpu: '500m' } } }]);
  const deployment = h.store.create({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
  });
  h.store.updateStatus({ ...deployment, status: { observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2, unavailableReplicas: 1 } });
  const job = h.store.create({
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default' },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34' }] } } },
  });
  h.store.updateStatus({ ...job, status: { failed: 7, conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }] } });
  h.advance(90_000);
  const uid = (pod: string): string => String((h.get(pod).metadata as Obj).uid);
  return { h, text: prometheusSnapshot(h.store, h.clock.now()), uid };
}

describe('simulator/metrics: Prometheus snapshot (kube-state-metrics and cAdvisor)', () => {
  it('formats values as Go does (FormatFloat g -1)', () => {
    assert.deepEqual([1, 0, 0.2, 0.25, 3e8, 1.8242267924e10, 1234567, 123456, 0.0001, 0.00001, 1.5e9].map(goFloat), [
      '1', '0', '0.2', '0.25', '3e+08', '1.8242267924e+10', '1.234567e+06', '123456', '0.0001', '1e-05', '1.5e+09',
    ]);
  });

  it('writes every family with HELP and TYPE once, and well-formed samples', () => {
    const { text } = scenario();
    const lines = text.trimEnd().split('\n');
    const helps = lines.filter((l) => l.startsWith('# HELP ')).map((l) => l.split(' ')[2]);
    assert.equal(new Set(helps).size, helps.length);
    for (const line of lines) {
      if (line.startsWith('#')) {
        assert.match(line, /^# (HELP [a-z_]+ .+|TYPE [a-z_]+ (gauge|counter))$/);
        continue;
      }
      assert.match(line, /^[a-z_]+\{([a-z_]+="[^"\\]*",)*[a-z_]+="[^"\\]*"\} [-+0-9.e]+( \d+)?$/, line);
    }
  });

  it('has the kube-state-metrics Pod metrics, labels in KSM order', () => {
    const { text, uid, h } = scenario();
    const web = uid('web');
    const crash = uid('crash');
    const ip = String((h.get('web').status as Obj).podIP);
    assert.ok(text.includes('# HELP kube_pod_status_phase [STABLE] The pods current phase.\n# TYPE kube_pod_status_phase gauge\n'));
    assert.ok(text.includes(`kube_pod_status_phase{namespace="default",pod="web",uid="${web}",phase="Running"} 1\n`));
    assert.ok(text.includes(`kube_pod_status_phase{namespace="default",pod="web",uid="${web}",phase="Pending"} 0\n`));
    assert.ok(text.includes(`kube_pod_info{namespace="default",pod="web",uid="${web}",host_ip="172.18.0.2",pod_ip="${ip}",node="node-1",created_by_kind="<none>",created_by_name="<none>",priority_class="",host_network="false"} 1\n`));
    assert.ok(text.includes(`kube_pod_status_ready{namespace="default",pod="web",uid="${web}",condition="true"} 1\n`));
    assert.ok(text.includes('# TYPE kube_pod_container_status_restarts_total counter\n'));
    const restarts = new RegExp(`kube_pod_container_status_restarts_total\\{namespace="default",pod="crash",uid="${crash}",container="c"\\} (\\d+)\\n`).exec(text);
    assert.ok(restarts && Number(restarts[1]) >= 2, 'the crash loop shows in the restart counter');
    assert.ok(text.includes(`kube_pod_container_resource_requests{namespace="default",pod="web",uid="${web}",container="web",node="node-1",resource="cpu",unit="core"} 0.25\n`));
    assert.ok(text.includes(`kube_pod_container_resource_requests{namespace="default",pod="web",uid="${web}",container="web",node="node-1",resource="memory",unit="byte"} 6.7108864e+07\n`));
    assert.ok(text.includes(`kube_pod_container_resource_limits{namespace="default",pod="web",uid="${web}",container="web",node="node-1",resource="memory",unit="byte"} 1.34217728e+08\n`));
  });

  it('has Deployment, Job, Node and Namespace metrics', () => {
    const { text } = scenario();
    assert.ok(text.includes('# HELP kube_deployment_status_replicas_available [STABLE] The number of available replicas per deployment.\n'));
    assert.ok(text.includes('kube_deployment_status_replicas_available{namespace="default",deployment="web"} 2\n'));
    assert.ok(text.includes('kube_deployment_status_replicas_unavailable{namespace="default",deployment="web"} 1\n'));
    assert.ok(text.includes('kube_deployment_spec_replicas{namespace="default",deployment="web"} 3\n'));
    assert.ok(text.includes('kube_job_status_failed{namespace="default",job_name="pi",reason="BackoffLimitExceeded"} 1\n'));
    assert.ok(text.includes('kube_job_status_failed{namespace="default",job_name="pi",reason="DeadlineExceeded"} 0\n'));
    assert.ok(text.includes('kube_job_failed{namespace="default",job_name="pi",condition="true"} 1\n'));
    assert.ok(text.includes('kube_node_status_allocatable{node="node-1",resource="cpu",unit="core"} 4\n'));
    assert.ok(text.includes('kube_node_status_allocatable{node="node-1",resource="memory",unit="byte"} 8.589934592e+09\n'));
    assert.ok(text.includes('kube_node_status_allocatable{node="node-1",resource="pods",unit="integer"} 110\n'));
    assert.ok(text.includes('kube_node_status_condition{node="node-1",condition="Ready",status="true"} 1\n'));
    assert.ok(text.includes('kube_namespace_status_phase{namespace="kube-system",phase="Active"} 1\n'));
    assert.ok(text.indexOf('kube_deployment_') < text.indexOf('kube_job_') && text.indexOf('kube_node_') < text.indexOf('kube_pod_'), 'resources in KSM order');
    assert.ok(declaresEmptyFamilies(text), 'families without objects still have HELP and TYPE');
  });

  it('has the cAdvisor metrics of running containers, labels sorted, with the scrape timestamp', () => {
    const { text, uid, h } = scenario();
    const status = firstContainer(h.get('web'));
    const id = String(status.containerID).replace('containerd://', '');
    const cgroup = `/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${uid('web').replace(/-/g, '_')}.slice/cri-containerd-${id}.scope`;
    const scrape = Math.floor(h.clock.now() / 15_000) * 15_000;
    assert.ok(text.includes('# HELP container_cpu_usage_seconds_total Cumulative cpu time consumed in seconds.\n# TYPE container_cpu_usage_seconds_total counter\n'));
    const cpu = new RegExp(`container_cpu_usage_seconds_total\\{container="web",cpu="total",id="${cgroup}",image="${String(status.image)}",name="${id}",namespace="default",pod="web"\\} ([0-9.e+-]+) ${scrape}\\n`).exec(text);
    assert.ok(cpu, 'cpu counter line');
    assert.ok(Number(cpu[1]) >= 0 && Number(cpu[1]) < 1, 'an idle nginx');
    // A busy loop capped at 500m: half a CPU-second per second since it started.
    const busy = firstContainer(h.get('busy'));
    const seconds = (scrape - Date.parse(busy.state.running!.startedAt)) / 1000;
    const counter = new RegExp(`container_cpu_usage_seconds_total\\{container="loop",cpu="total",[^}]*pod="busy"\\} ([0-9.e+-]+) ${scrape}\\n`).exec(text);
    assert.equal(Number(counter![1]), 0.5 * seconds);
    const memory = new RegExp(`container_memory_working_set_bytes\\{container="web",id="${cgroup}",image="[^"]+",name="${id}",namespace="default",pod="web"\\} ([0-9.e+]+) ${scrape}\\n`).exec(text);
    assert.ok(memory && Number(memory[1]) > 1024 * 1024);
  });

  it('is the same text for the same state and time', () => {
    assert.equal(scenario().text, scenario().text);
  });
});

/** Families with no sample (no active Job, no HPA) are still declared, as KSM declares them. */
function declaresEmptyFamilies(text: string): boolean {
  return ['kube_job_status_succeeded', 'kube_job_status_active', 'kube_job_complete', 'kube_horizontalpodautoscaler_status_desired_replicas'].every((name) => text.includes(`# TYPE ${name} gauge\n`));
}

