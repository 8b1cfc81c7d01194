import { statefulsetServiceNotHeadless } from '../../../../server/src/lint/cross/statefulsetServiceNotHeadless';
import { table, yaml } from './helpers';

const statefulSet = (serviceName: string, mark = '') => yaml`
  apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: db, namespace: data}
  spec:
    serviceName: ${serviceName}${mark}
    selector: {matchLabels: {app: db}}
    template:
      metadata: {labels: {app: db}}
      spec: {containers: [{name: db, image: postgres}]}
`;

const service = (name: string, clusterIP: string) => yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: ${name}, namespace: data}
  spec:
    ${clusterIP ? `clusterIP: ${clusterIP}` : ''}
    selector: {app: db}
    ports: [{port: 5432}]
`;

describe('lint/cross statefulset-service-not-headless', () => {
  table(statefulsetServiceNotHeadless, [
    {
      name: 'reports an unknown Service, with the DNS names that will not exist',
      manifest: statefulSet('db-headles', ' # <-'),
      workspace: [service('db-headless', 'None')],
      messages: [['Aucun Service « db-headles »', 'db-0.db-headles.data.svc.cluster.local', '`clusterIP: None`', 'Voulais-tu dire « db-headless » ?']],
      fix: { service: 'db-headles', namespace: 'data', exists: false, selector: { app: 'db' }, candidates: ['db-headless'] },
    },
    {
      name: 'reports a Service with a virtual IP',
      manifest: statefulSet('db', ' # <-'),
      workspace: [service('db', '')],
      messages: [["n'est pas headless", 'ne se modifie pas sur un Service existant']],
      fix: { service: 'db', exists: true, uri: 'file:///work/other-0.yaml' },
    },
    { name: 'accepts a headless Service of the workspace', manifest: statefulSet('db'), workspace: [service('db', 'None')] },
    { name: 'accepts a headless Service of the cluster', manifest: statefulSet('db'), cluster: service('db', 'None') },
    { name: 'accepts a headless Service of the same file', manifest: `${statefulSet('db')}---\n${service('db', 'None')}` },
    { name: 'is quiet without serviceName', manifest: statefulSet('""') },
  ]);
});
