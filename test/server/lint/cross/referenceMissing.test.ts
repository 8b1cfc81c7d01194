import { referenceMissing } from '../../../../server/src/lint/cross/referenceMissing';
import { table, yaml } from './helpers';

const configMap = (name: string, namespace?: string) => yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: ${name}${namespace ? `, namespace: ${namespace}` : ''}}
  data: {DB_HOST: db}
`;
const secret = (name: string) => yaml`
  apiVersion: v1
  kind: Secret
  metadata: {name: ${name}}
  stringData: {password: s3cret}
`;
const storageClass = (name: string) => yaml`
  apiVersion: storage.k8s.io/v1
  kind: StorageClass
  metadata: {name: ${name}}
  provisioner: rancher.io/local-path
`;

describe('lint/cross reference-missing', () => {
  table(referenceMissing, [
    {
      name: 'reports a ConfigMap of an env variable, with CreateContainerConfigError and the keys',
      manifest: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: app
                  image: nginx
                  env:
                    - name: DB_HOST
                      valueFrom:
                        configMapKeyRef:
                          name: settings # <-
                          key: DB_HOST
                    - name: DB_PORT
                      valueFrom:
                        configMapKeyRef: {name: settings, key: DB_PORT} # <-
      `,
      messages: [
        ['Le ConfigMap « settings » n\'existe ni dans l\'espace de travail ni dans le cluster simulé', 'Le conteneur `app` ne démarrera pas', 'CreateContainerConfigError (configmap "settings" not found)', 'Crée-le dans le namespace shop avec les clés `DB_HOST`, `DB_PORT`', '`optional: true`'],
      ],
      fix: { kind: 'ConfigMap', name: 'settings', namespace: 'shop', keys: ['DB_HOST', 'DB_PORT'] },
    },
    {
      name: 'accepts objects of the workspace, of the same file and of the cluster',
      manifest: `${yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          serviceAccountName: deployer
          containers:
            - name: app
              image: nginx
              envFrom: [{configMapRef: {name: settings}}, {secretRef: {name: creds}}]
          volumes:
            - {name: data, persistentVolumeClaim: {claimName: data}}
      `}---\n${configMap('settings')}`,
      workspace: [secret('creds')],
      cluster: yaml`
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data}
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: deployer}
      `,
    },
    {
      name: 'skips references marked optional',
      manifest: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: app
              image: nginx
              env: [{name: A, valueFrom: {secretKeyRef: {name: extra, key: a, optional: true}}}]
              envFrom: [{configMapRef: {name: extra, optional: true}}]
          volumes:
            - {name: v, configMap: {name: extra, optional: true}}
      `,
    },
    {
      name: 'reports volumes: the Pod stays in ContainerCreating',
      manifest: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers: [{name: app, image: nginx}]
          volumes:
            - name: conf
              configMap:
                name: nginx-conf # <-
                items: [{key: nginx.conf, path: nginx.conf}]
            - name: certs
              secret: {secretName: tls} # <-
            - name: mixed
              projected:
                sources:
                  - configMap: {name: settings}
                  - secret:
                      name: creds # <-
      `,
      workspace: [configMap('settings')],
      messages: [
        ['ContainerCreating', 'le volume `conf`', 'FailedMount : configmap "nginx-conf" not found', 'avec la clé `nginx.conf`'],
        ['Le Secret « tls »', 'secret "tls" not found'],
        ['Le Secret « creds »', 'le volume `mixed`'],
      ],
    },
    {
      name: 'reports a PersistentVolumeClaim: the Pod stays Pending, see the volumes chapter',
      manifest: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers: [{name: db, image: postgres}]
              volumes:
                - name: backup
                  persistentVolumeClaim: {claimName: backups} # <-
      `,
      messages: [['La PersistentVolumeClaim « backups »', 'Pending', 'persistentvolumeclaim "backups" not found', 'chapitre « Les volumes »']],
      absent: ['optional'],
      fix: { kind: 'PersistentVolumeClaim', name: 'backups', keys: [] },
    },
    {
      name: 'reports a ServiceAccount, but never `default`',
      manifest: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              serviceAccountName: deployr # <-
              containers: [{name: app, image: nginx}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: other}
        spec:
          serviceAccountName: default
          containers: [{name: app, image: nginx, env: [{name: CA, valueFrom: {configMapKeyRef: {name: kube-root-ca.crt, key: ca.crt}}}]}]
      `,
      workspace: [yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: deployer, namespace: shop}
      `],
      messages: [['Le ServiceAccount « deployr »', 'FailedCreate', 'error looking up service account shop/deployr: serviceaccount "deployr" not found', 'Voulais-tu dire « deployer » ?']],
    },
    {
      name: 'looks in the namespace of the manifest',
      manifest: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: front}
        spec:
          containers: [{name: app, image: nginx, envFrom: [{configMapRef: {name: settings}}]}] # <-
      `,
      workspace: [configMap('settings', 'back')],
    },
    {
      name: 'reports image pull Secrets with what the kubelet does',
      manifest: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          imagePullSecrets:
            - name: regcred # <-
          containers: [{name: app, image: registry.example.com/app}]
      `,
      messages: [['FailedToRetrieveImagePullSecret', 'ImagePullBackOff']],
      absent: ['optional'],
      fix: { kind: 'Secret', name: 'regcred', type: 'kubernetes.io/dockerconfigjson', keys: ['.dockerconfigjson'] },
    },
    {
      name: "reports a PVC's StorageClass when the cluster's classes are known",
      manifest: yaml`
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data, namespace: shop}
        spec:
          storageClassName: standrad # <-
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
      `,
      cluster: storageClass('standard'),
      messages: [['La StorageClass « standrad »', 'ProvisioningFailed : storageclass.storage.k8s.io "standrad" not found', 'Voulais-tu dire « standard » ?']],
      fix: { kind: 'StorageClass', name: 'standrad', namespace: undefined },
    },
    {
      name: 'cannot judge a StorageClass when no class is known at all',
      manifest: yaml`
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data}
        spec: {storageClassName: fast, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
      `,
    },
    {
      name: 'reports the StorageClass of volumeClaimTemplates and ephemeral volumes',
      manifest: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers: [{name: db, image: postgres}]
              volumes:
                - name: scratch
                  ephemeral:
                    volumeClaimTemplate:
                      spec:
                        storageClassName: fast # <-
          volumeClaimTemplates:
            - metadata: {name: data}
              spec:
                storageClassName: fast # <-
                accessModes: [ReadWriteOnce]
                resources: {requests: {storage: 1Gi}}
            - metadata: {name: logs}
              spec: {storageClassName: standard, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
      `,
      workspace: [storageClass('standard')],
      messages: [['PVC éphémère du volume `scratch`'], ['Les PVC « data-… » créées pour chaque réplique resteront Pending']],
    },
    {
      name: "reports an Ingress's TLS Secret",
      manifest: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop}
        spec:
          tls:
            - hosts: [shop.example.com]
              secretName: shop-tls # <-
          rules: []
      `,
      messages: [['certificat par défaut']],
      fix: { kind: 'Secret', type: 'kubernetes.io/tls', keys: ['tls.crt', 'tls.key'] },
    },
    {
      name: 'reports init containers and CronJob templates too',
      manifest: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: backup}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  initContainers:
                    - name: wait
                      image: busybox
                      envFrom:
                        - secretRef: {name: creds} # <-
                  containers: [{name: backup, image: busybox}]
      `,
      messages: [['Le conteneur `wait`']],
    },
  ]);
});
