import type { DocTable } from '../types';

/** Documentation en français : Pods, conteneurs, variables d'environnement, probes et statut des Pods. */
export const POD_DOCS: DocTable = {
  'api.resource.Quantity': {
    text: "Une quantité de ressource : un nombre suivi d'un suffixe d'unité, comme `500m` (un demi-CPU), `128Mi`, `1Gi` ou `2`. Les suffixes binaires `Ki`, `Mi`, `Gi`, `Ti` comptent en puissances de 1024, les suffixes décimaux `k`, `M`, `G`, `T` en puissances de 1000, et `m` veut dire millième. Attention : pour la mémoire, `128m` signifie 0,128 octet ; écris `128Mi` (ou `128M`).",
    chapter: 'avance',
    properties: {},
  },
  'core.v1.ConfigMapEnvSource': {
    text: "Désigne une ConfigMap dont toutes les clés deviennent des variables d'environnement du conteneur (dans `envFrom`) : le nom de chaque clé donne le nom de la variable, et son contenu la valeur.",
    chapter: 'ressources',
    properties: {
      name: {
        text: 'Le nom de la ConfigMap à lire, dans le même namespace que le Pod.',
        example: 'envFrom:\n  - configMapRef:\n      name: app-config',
      },
      optional: {
        text: "Si `true`, le conteneur démarre même si la ConfigMap n'existe pas. Sinon, il reste bloqué en `CreateContainerConfigError` tant qu'elle manque.",
        default: 'false',
      },
    },
  },
  'core.v1.ConfigMapKeySelector': {
    text: "Désigne une seule clé d'une ConfigMap, dont la valeur sert à remplir une variable d'environnement (`valueFrom.configMapKeyRef`).",
    chapter: 'ressources',
    properties: {
      key: {
        text: 'La clé de la ConfigMap à lire ; sa valeur devient la valeur de la variable.',
        example: 'valueFrom:\n  configMapKeyRef:\n    name: app-config\n    key: LOG_LEVEL',
      },
      name: { text: 'Le nom de la ConfigMap, dans le même namespace que le Pod.' },
      optional: {
        text: "Si `true`, l'absence de la ConfigMap ou de la clé n'empêche pas le conteneur de démarrer : la variable n'est simplement pas définie.",
        default: 'false',
      },
    },
  },
  'core.v1.Container': {
    text: "Un conteneur à lancer dans le Pod : l'image à exécuter, sa commande, ses variables d'environnement, ses ports, ses ressources et ses probes. Un Pod en contient au moins un (`spec.containers`) ; les conteneurs d'un même Pod partagent la même adresse IP et peuvent partager des volumes.",
    chapter: 'ressources',
    properties: {
      args: {
        text: "Les arguments passés à la commande du conteneur. S'ils sont absents, Kubernetes utilise le `CMD` de l'image. Les références `$(NOM_VAR)` sont remplacées par la valeur de la variable d'environnement correspondante. Non modifiable après la création du Pod.",
        default: "le `CMD` de l'image",
        example: 'args: ["--port", "8080"]',
      },
      command: {
        text: "Remplace le point d'entrée (`ENTRYPOINT`) de l'image. La commande est lancée directement, sans shell : pour utiliser des pipes ou des `&&`, appelle un shell explicitement (`sh -c`). Les références `$(NOM_VAR)` sont remplacées par les variables d'environnement. Non modifiable.",
        default: "l'`ENTRYPOINT` de l'image",
        example: 'command: ["sh", "-c", "echo Bonjour && sleep 3600"]',
      },
      env: {
        text: "La liste des variables d'environnement du conteneur. Chaque entrée a un `name` et soit une valeur écrite en clair (`value`), soit une valeur lue ailleurs (`valueFrom` : ConfigMap, Secret, champ du Pod). Non modifiable sur un Pod existant : on modifie plutôt le template du Deployment, qui recrée les Pods.",
        example: 'env:\n  - name: LOG_LEVEL\n    value: debug\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db-secret\n        key: password',
      },
      envFrom: {
        text: "Importe d'un coup toutes les clés d'une ConfigMap ou d'un Secret comme variables d'environnement. Les clés qui ne sont pas des noms de variables valides sont ignorées (un event le signale). En cas de doublon, `env` l'emporte sur `envFrom`, et la dernière source listée l'emporte sur les précédentes. Non modifiable.",
        example: 'envFrom:\n  - configMapRef:\n      name: app-config\n  - secretRef:\n      name: app-secret',
      },
      image: {
        text: "L'image de conteneur à exécuter, au format `registre/nom:tag`, par exemple `nginx:1.27` ou `ghcr.io/mon-org/app:2.1.0`. Sans registre, l'image est cherchée sur Docker Hub ; sans tag, c'est `latest` qui est pris, ce qui est à éviter en production car on ne sait plus quelle version tourne. Changer l'image d'un Deployment déclenche un rollout.",
        example: 'image: nginx:1.27',
      },
      imagePullPolicy: {
        text: "Quand le kubelet doit télécharger l'image : `Always` (il interroge le registre à chaque démarrage du conteneur et télécharge l'image si elle a changé), `IfNotPresent` (seulement si elle n'est pas déjà sur le nœud) ou `Never` (jamais : l'image doit déjà être présente). Non modifiable.",
        default: "`Always` si le tag est `latest` ou absent, sinon `IfNotPresent`",
        example: 'imagePullPolicy: IfNotPresent',
      },
      lifecycle: {
        text: "Des actions à déclencher à des moments clés de la vie du conteneur : `postStart` juste après sa création, `preStop` juste avant son arrêt (par exemple pour finir proprement les requêtes en cours). Non modifiable.",
        example: 'lifecycle:\n  preStop:\n    exec:\n      command: ["sh", "-c", "sleep 5"]',
        chapter: 'avance',
      },
      livenessProbe: {
        text: "Vérifie régulièrement que le conteneur est toujours en vie. Si la probe échoue `failureThreshold` fois de suite, le kubelet tue le conteneur, qui est redémarré selon la `restartPolicy` du Pod. Utile pour sortir une application d'un blocage ; ne la rends pas trop sévère, sinon le conteneur redémarre en boucle sous la charge. Non modifiable.",
        example: 'livenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n  periodSeconds: 10',
        chapter: 'avance',
      },
      name: {
        text: "Le nom du conteneur, unique dans le Pod (minuscules, chiffres et tirets, 63 caractères au plus). Il sert à viser le conteneur dans les commandes, par exemple `kubectl logs mon-pod -c app` ou `kubectl exec -it mon-pod -c app -- sh`. Non modifiable.",
        example: 'name: app',
      },
      ports: {
        text: "La liste des ports sur lesquels le conteneur écoute. C'est surtout informatif : un port non déclaré reste joignable si l'application écoute dessus. Déclarer (et nommer) les ports documente le Pod et permet à un Service ou à une probe de viser un port par son nom. Non modifiable.",
        example: 'ports:\n  - name: http\n    containerPort: 8080',
      },
      readinessProbe: {
        text: "Vérifie régulièrement que le conteneur est prêt à recevoir du trafic. Tant qu'elle échoue, le Pod n'est pas `Ready` et il est retiré des endpoints des Services : il ne reçoit plus de requêtes, mais il n'est pas redémarré. Pendant un rollout, le Deployment attend que les nouveaux Pods soient prêts avant de continuer. Non modifiable.",
        example: 'readinessProbe:\n  httpGet:\n    path: /ready\n    port: 8080\n  initialDelaySeconds: 5',
        chapter: 'avance',
      },
      resizePolicy: {
        text: "Indique, pour chaque ressource (`cpu`, `memory`), si modifier ses requests ou limits sur le Pod en marche oblige à redémarrer le conteneur. Sert au redimensionnement à chaud, une fonctionnalité alpha en v1.30 (feature gate `InPlacePodVerticalScaling`).",
        chapter: 'avance',
      },
      resources: {
        text: "Les ressources CPU et mémoire du conteneur. Les `requests` sont réservées : le scheduler ne place le Pod que sur un nœud qui a assez de place libre pour elles. Les `limits` sont un plafond : au-delà de sa limite CPU, le conteneur est ralenti ; au-delà de sa limite mémoire, il est tué (`OOMKilled`). Bonne pratique : définis toujours au moins les requests.",
        example: 'resources:\n  requests:\n    cpu: 250m\n    memory: 128Mi\n  limits:\n    memory: 256Mi',
        chapter: 'avance',
      },
      restartPolicy: {
        text: "Ne s'utilise que sur un init container, avec la seule valeur `Always` : il devient alors un conteneur sidecar, qui démarre avant les conteneurs principaux, tourne pendant toute la vie du Pod et est redémarré s'il s'arrête. Pour les autres conteneurs, c'est la `restartPolicy` du Pod qui s'applique.",
      },
      securityContext: {
        text: "Les options de sécurité du conteneur : utilisateur d'exécution (`runAsUser`, `runAsNonRoot`), système de fichiers en lecture seule (`readOnlyRootFilesystem`), capacités Linux, mode privilégié… Pour ce conteneur, ces réglages remplacent ceux du `securityContext` du Pod.",
        example: 'securityContext:\n  runAsNonRoot: true\n  readOnlyRootFilesystem: true\n  allowPrivilegeEscalation: false',
        chapter: 'quotidien',
      },
      startupProbe: {
        text: "Vérifie que l'application a fini de démarrer. Tant qu'elle n'a pas réussi, les probes liveness et readiness ne sont pas lancées ; si elle échoue trop de fois, le conteneur est redémarré comme pour une liveness probe. Pratique pour les applications lentes à démarrer, qui disposent ainsi de `failureThreshold` × `periodSeconds` secondes. Non modifiable.",
        example: 'startupProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n  failureThreshold: 30\n  periodSeconds: 10',
        chapter: 'avance',
      },
      stdin: {
        text: "Garde l'entrée standard (stdin) du conteneur ouverte, pour pouvoir lui envoyer des données, par exemple avec `kubectl attach -i`. Sinon, toute lecture sur stdin reçoit immédiatement une fin de fichier (EOF).",
        default: 'false',
      },
      stdinOnce: {
        text: "Avec `stdin: true`, ferme stdin dès que le premier client attaché se déconnecte ; il reste fermé jusqu'au redémarrage du conteneur. Si `false`, stdin reste ouvert d'une session à l'autre.",
        default: 'false',
      },
      terminationMessagePath: {
        text: "Le chemin du fichier, dans le conteneur, où l'application peut écrire un court message expliquant pourquoi elle s'arrête. Kubernetes le recopie dans le statut du conteneur (visible avec `kubectl describe pod`), tronqué à 4096 octets. Non modifiable.",
        default: '/dev/termination-log',
      },
      terminationMessagePolicy: {
        text: "D'où vient le message de fin du conteneur : `File` lit uniquement le fichier `terminationMessagePath` ; `FallbackToLogsOnError` prend à la place la fin des logs (2048 octets ou 80 lignes au plus) si ce fichier est vide et que le conteneur a échoué. Non modifiable.",
        default: 'File',
      },
      tty: {
        text: "Alloue un terminal (TTY) au conteneur, comme `docker run -t`. Demande aussi `stdin: true` ; c'est ce que fait `kubectl run -it`.",
        default: 'false',
      },
      volumeDevices: {
        text: "Les périphériques bloc bruts (volumes en `volumeMode: Block`) à exposer dans le conteneur, chacun à un chemin `devicePath`, sans système de fichiers. Réservé à des usages particuliers, comme certaines bases de données.",
        chapter: 'volumes',
      },
      volumeMounts: {
        text: "Où monter, dans le système de fichiers du conteneur, les volumes déclarés dans `spec.volumes` du Pod. Chaque entrée relie un volume (`name`) à un répertoire (`mountPath`), éventuellement en lecture seule (`readOnly`) ou pour un seul sous-dossier (`subPath`). Non modifiable.",
        example: 'volumeMounts:\n  - name: data\n    mountPath: /var/lib/app\n  - name: config\n    mountPath: /etc/app\n    readOnly: true',
        chapter: 'volumes',
      },
      workingDir: {
        text: "Le répertoire de travail dans lequel la commande est lancée. S'il est absent, c'est celui de l'image (`WORKDIR` du Dockerfile) ou, à défaut, celui du runtime. Non modifiable.",
        default: "le `WORKDIR` de l'image",
        example: 'workingDir: /app',
      },
    },
  },
  'core.v1.ContainerPort': {
    text: 'Un port réseau sur lequel écoute un conteneur, déclaré dans sa liste `ports`.',
    chapter: 'ressources',
    properties: {
      containerPort: {
        text: "Le numéro du port sur lequel l'application écoute dans le conteneur, entre 1 et 65535. Il est joignable sur l'adresse IP du Pod ; c'est en général ce port que vise le `targetPort` d'un Service.",
        example: 'ports:\n  - containerPort: 8080',
      },
      hostIP: { text: "L'adresse IP du nœud sur laquelle ouvrir le `hostPort`. Rarement utile." },
      hostPort: {
        text: "Ouvre aussi ce port directement sur le nœud qui héberge le Pod. Deux Pods qui demandent le même `hostPort` ne peuvent pas tourner sur le même nœud ; la plupart des applications n'en ont pas besoin, préfère un Service. Avec `hostNetwork: true`, il doit être égal à `containerPort`.",
      },
      name: {
        text: "Un nom pour le port, par exemple `http` : 15 caractères au plus (minuscules, chiffres et tirets), unique dans le Pod. Un Service (`targetPort: http`) ou une probe (`port: http`) peut alors viser le port par son nom plutôt que par son numéro.",
        example: 'ports:\n  - name: http\n    containerPort: 8080',
      },
      protocol: {
        text: 'Le protocole du port : `TCP`, `UDP` ou `SCTP`.',
        default: 'TCP',
        example: 'protocol: UDP',
      },
    },
  },
  'core.v1.ContainerResizePolicy': {
    text: "Une règle de redimensionnement à chaud pour une ressource d'un conteneur : dit si modifier ses requests ou limits sur un Pod en marche oblige à redémarrer le conteneur. Fonctionnalité alpha en v1.30 (feature gate `InPlacePodVerticalScaling`).",
    chapter: 'avance',
    properties: {
      resourceName: { text: 'La ressource concernée : `cpu` ou `memory`.' },
      restartPolicy: {
        text: "Que faire quand cette ressource change : `NotRequired` (appliquer le changement sans redémarrer le conteneur) ou `RestartContainer` (redémarrer le conteneur, utile pour une application qui ne lit sa mémoire disponible qu'au démarrage).",
        default: 'NotRequired',
      },
    },
  },
  'core.v1.ContainerState': {
    text: "L'état d'un conteneur, rempli par Kubernetes (lecture seule). Un seul des trois champs est présent : `waiting`, `running` ou `terminated`. `kubectl describe pod` l'affiche sous « State » (état actuel) et « Last State » (exécution précédente).",
    chapter: 'quotidien',
    properties: {
      running: { text: "Présent si le conteneur tourne : indique l'heure de son dernier (re)démarrage." },
      terminated: {
        text: "Présent si le conteneur s'est arrêté : code de sortie, raison (`Completed`, `Error`, `OOMKilled`…) et horaires.",
      },
      waiting: {
        text: "Présent si le conteneur n'a pas encore démarré ou attend de redémarrer ; sa raison (`ContainerCreating`, `ImagePullBackOff`, `CrashLoopBackOff`…) dit ce qui le bloque.",
      },
    },
  },
  'core.v1.ContainerStateRunning': {
    text: "Les détails d'un conteneur en cours d'exécution, remplis par Kubernetes (lecture seule).",
    chapter: 'quotidien',
    properties: {
      startedAt: { text: "La date et l'heure du dernier démarrage (ou redémarrage) du conteneur." },
    },
  },
  'core.v1.ContainerStateTerminated': {
    text: "Les détails d'un conteneur qui s'est arrêté, remplis par Kubernetes (lecture seule). Très utile pour comprendre un crash : regarde `exitCode` et `reason` sous « Last State » dans `kubectl describe pod`.",
    chapter: 'quotidien',
    properties: {
      containerID: {
        text: "L'identifiant du conteneur arrêté, au format `<runtime>://<id>`, par exemple `containerd://4f2a…`.",
      },
      exitCode: {
        text: "Le code de sortie du processus : `0` signifie un succès, toute autre valeur une erreur. `137` veut dire tué par SIGKILL (souvent un dépassement de la limite mémoire), `143` arrêté par SIGTERM.",
      },
      finishedAt: { text: "La date et l'heure auxquelles le conteneur s'est arrêté pour la dernière fois." },
      message: {
        text: "Un message qui détaille l'arrêt, par exemple le contenu du fichier de message de fin (`terminationMessagePath`).",
      },
      reason: {
        text: "Une raison courte, en CamelCase : `Completed` (fin normale), `Error` (code de sortie non nul), `OOMKilled` (limite mémoire dépassée)…",
      },
      signal: { text: "Le numéro du signal qui a arrêté le conteneur, s'il y en a eu un." },
      startedAt: { text: "La date et l'heure du début de l'exécution qui s'est terminée." },
    },
  },
  'core.v1.ContainerStateWaiting': {
    text: "Les détails d'un conteneur qui attend de (re)démarrer, remplis par Kubernetes (lecture seule). C'est souvent là qu'on trouve pourquoi un Pod reste bloqué.",
    chapter: 'quotidien',
    properties: {
      message: {
        text: "Un message plus détaillé sur ce qui empêche le conteneur de démarrer, par exemple l'erreur renvoyée par le registre d'images.",
      },
      reason: {
        text: "Pourquoi le conteneur attend : `ContainerCreating` (démarrage en cours), `ErrImagePull` ou `ImagePullBackOff` (image introuvable ou inaccessible), `CrashLoopBackOff` (il plante sans cesse et Kubernetes espace les redémarrages), `CreateContainerConfigError` (ConfigMap ou Secret manquant)…",
      },
    },
  },
  'core.v1.ContainerStatus': {
    text: "L'état d'un conteneur du Pod, rempli par Kubernetes (lecture seule) : son état actuel et le précédent, s'il est prêt et combien de fois il a redémarré. C'est ce que résument les colonnes READY et RESTARTS de `kubectl get pods`.",
    chapter: 'quotidien',
    properties: {
      allocatedResources: {
        text: "Les ressources que le nœud a réservées pour ce conteneur (ses requests, une fois le Pod admis). Lié au redimensionnement à chaud, une fonctionnalité alpha en v1.30.",
        chapter: 'avance',
      },
      containerID: {
        text: "L'identifiant du conteneur dans le runtime, au format `<runtime>://<id>`, par exemple `containerd://…`.",
      },
      image: {
        text: "L'image que le conteneur exécute réellement. Elle peut être écrite autrement que dans la spec, car le runtime la résout : `nginx:1.27` devient par exemple `docker.io/library/nginx:1.27`.",
      },
      imageID: {
        text: "L'identifiant exact de l'image exécutée, en général avec son digest (`…@sha256:…`). Pratique pour savoir précisément quelle version tourne, même avec un tag comme `latest`.",
      },
      lastState: {
        text: "L'état de l'exécution précédente du conteneur, s'il a déjà redémarré : code de sortie et raison de l'arrêt. C'est le premier endroit à regarder quand un conteneur redémarre en boucle, avec `kubectl logs --previous`.",
      },
      name: { text: 'Le nom du conteneur, tel que défini dans la spec du Pod.' },
      ready: {
        text: "Indique si le conteneur passe actuellement sa readiness probe ; sans readiness probe, il vaut `true` dès que le conteneur a fini de démarrer. Le Pod n'est `Ready`, et ne reçoit du trafic, que si tous ses conteneurs le sont.",
      },
      resources: {
        text: 'Les requests et limits réellement appliquées au conteneur en marche ; elles peuvent différer de la spec pendant un redimensionnement à chaud.',
        chapter: 'avance',
      },
      restartCount: {
        text: "Le nombre de redémarrages du conteneur (colonne RESTARTS de `kubectl get pods`). Un compteur qui grimpe signale un problème : crash de l'application, liveness probe en échec ou mémoire dépassée.",
      },
      started: {
        text: "Indique si le conteneur a fini de démarrer : son hook `postStart` est terminé et sa startup probe, s'il en a une, a réussi. Repasse à `false` quand le conteneur redémarre.",
      },
      state: { text: "L'état actuel du conteneur (`waiting`, `running` ou `terminated`), avec sa raison et ses détails." },
      volumeMounts: {
        text: "L'état des montages de volumes du conteneur, tels qu'ils ont réellement été appliqués.",
        chapter: 'volumes',
      },
    },
  },
  'core.v1.EnvFromSource': {
    text: "Une source de variables d'environnement en bloc, utilisée dans `envFrom` : toutes les clés d'une ConfigMap (`configMapRef`) ou d'un Secret (`secretRef`), avec un préfixe facultatif.",
    chapter: 'ressources',
    properties: {
      configMapRef: {
        text: "La ConfigMap dont toutes les clés deviennent des variables d'environnement.",
        example: 'envFrom:\n  - configMapRef:\n      name: app-config',
      },
      prefix: {
        text: 'Un préfixe ajouté devant le nom de chaque variable : avec `APP_`, la clé `PORT` devient la variable `APP_PORT`.',
        example: 'envFrom:\n  - prefix: APP_\n    configMapRef:\n      name: app-config',
      },
      secretRef: {
        text: "Le Secret dont toutes les clés deviennent des variables d'environnement, avec leurs valeurs décodées.",
        example: 'envFrom:\n  - secretRef:\n      name: app-secret',
      },
    },
  },
  'core.v1.EnvVar': {
    text: "Une variable d'environnement du conteneur : un nom, et soit une valeur écrite en clair (`value`), soit une valeur lue ailleurs (`valueFrom`).",
    chapter: 'ressources',
    properties: {
      name: {
        text: 'Le nom de la variable, par exemple `DB_HOST` : des lettres, des chiffres et des `_`, sans commencer par un chiffre.',
        example: 'env:\n  - name: DB_HOST\n    value: postgres',
      },
      value: {
        text: "La valeur de la variable, toujours une chaîne : en YAML, mets les nombres et les booléens entre guillemets (`\"8080\"`, `\"true\"`). Tu peux y reprendre une variable définie plus haut avec `$(NOM_VAR)`.",
        example: 'env:\n  - name: PORT\n    value: "8080"',
      },
      valueFrom: {
        text: "Lit la valeur ailleurs que dans le manifeste : dans une ConfigMap, un Secret, un champ du Pod (son nom, son IP…) ou une ressource du conteneur. Ne se combine pas avec `value`.",
        example: 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db-secret\n        key: password',
      },
    },
  },
  'core.v1.EnvVarSource': {
    text: "D'où vient la valeur d'une variable d'environnement (`valueFrom`) : exactement une source parmi une clé de ConfigMap, une clé de Secret, un champ du Pod ou une ressource du conteneur.",
    chapter: 'ressources',
    properties: {
      configMapKeyRef: {
        text: "Lit la valeur dans une clé d'une ConfigMap du même namespace.",
        example: 'valueFrom:\n  configMapKeyRef:\n    name: app-config\n    key: LOG_LEVEL',
      },
      fieldRef: {
        text: "Lit la valeur dans un champ du Pod lui-même (Downward API) : `metadata.name`, `metadata.namespace`, `metadata.labels['<clé>']`, `metadata.annotations['<clé>']`, `spec.nodeName`, `spec.serviceAccountName`, `status.hostIP`, `status.podIP` ou `status.podIPs`.",
        example: 'valueFrom:\n  fieldRef:\n    fieldPath: metadata.name',
      },
      resourceFieldRef: {
        text: "Lit une request ou une limit du conteneur (`requests.cpu`, `limits.memory`, `limits.ephemeral-storage`…), pour que l'application connaisse les ressources dont elle dispose.",
        example: 'valueFrom:\n  resourceFieldRef:\n    resource: limits.memory\n    divisor: 1Mi',
        chapter: 'avance',
      },
      secretKeyRef: {
        text: "Lit la valeur dans une clé d'un Secret du même namespace ; le conteneur reçoit la valeur décodée.",
        example: 'valueFrom:\n  secretKeyRef:\n    name: db-secret\n    key: password',
      },
    },
  },
  'core.v1.EphemeralContainer': {
    text: "Un conteneur temporaire ajouté à un Pod déjà en marche pour le déboguer, par exemple pour avoir un shell et des outils quand l'image de l'application n'en contient pas. On l'ajoute avec `kubectl debug -it mon-pod --image=busybox --target=app`. Il n'est jamais redémarré, ne peut pas être retiré et n'a ni ports, ni probes, ni ressources réservées.",
    chapter: 'quotidien',
    properties: {
      args: {
        text: "Les arguments passés à la commande du conteneur éphémère ; à défaut, le `CMD` de l'image. Non modifiable.",
        default: "le `CMD` de l'image",
      },
      command: {
        text: "La commande à lancer, sans shell, à la place de l'`ENTRYPOINT` de l'image. Non modifiable.",
        default: "l'`ENTRYPOINT` de l'image",
      },
      env: { text: "Les variables d'environnement du conteneur éphémère, comme pour un conteneur normal." },
      envFrom: {
        text: "Importe toutes les clés d'une ConfigMap ou d'un Secret comme variables d'environnement, comme pour un conteneur normal.",
      },
      image: {
        text: "L'image du conteneur de débogage, souvent une image légère qui contient des outils (`busybox`, `nicolaka/netshoot`…).",
      },
      imagePullPolicy: {
        text: "Quand télécharger l'image : `Always`, `IfNotPresent` ou `Never`, comme pour un conteneur normal.",
        default: "`Always` si le tag est `latest` ou absent, sinon `IfNotPresent`",
      },
      lifecycle: { text: 'Interdit pour un conteneur éphémère : il ne peut pas avoir de hooks `postStart` ou `preStop`.' },
      livenessProbe: { text: "Interdit pour un conteneur éphémère : il n'a pas de probes." },
      name: {
        text: "Le nom du conteneur éphémère, unique parmi tous les conteneurs du Pod (normaux, init et éphémères). `kubectl debug` en génère un (`debugger-xxxxx`) si tu n'en donnes pas.",
      },
      ports: { text: 'Interdit pour un conteneur éphémère : il ne peut pas déclarer de ports.' },
      readinessProbe: { text: "Interdit pour un conteneur éphémère : il n'a pas de probes." },
      resizePolicy: {
        text: "Sans objet pour un conteneur éphémère : il n'a pas de ressources propres à redimensionner.",
      },
      resources: {
        text: 'Interdit pour un conteneur éphémère : il utilise les ressources déjà allouées au Pod.',
      },
      restartPolicy: {
        text: "Interdit pour un conteneur éphémère : ce champ est réservé aux init containers, et un conteneur éphémère n'est jamais redémarré.",
      },
      securityContext: {
        text: "Les options de sécurité du conteneur éphémère (utilisateur, capacités Linux…) ; elles remplacent celles du `securityContext` du Pod.",
      },
      startupProbe: { text: "Interdit pour un conteneur éphémère : il n'a pas de probes." },
      stdin: {
        text: 'Garde stdin ouvert, ce qui est nécessaire pour une session interactive (`kubectl debug -i`).',
        default: 'false',
      },
      stdinOnce: {
        text: "Avec `stdin: true`, ferme stdin dès que le premier client attaché se déconnecte ; sinon stdin reste ouvert d'une session à l'autre.",
        default: 'false',
      },
      targetContainerName: {
        text: "Le conteneur du Pod à cibler : le conteneur éphémère partage alors ses espaces de noms (processus, IPC…) et peut par exemple voir ses processus avec `ps`. C'est l'option `--target` de `kubectl debug` ; le runtime doit prendre cette fonction en charge.",
        example: 'targetContainerName: app',
      },
      terminationMessagePath: {
        text: "Le chemin du fichier où le conteneur peut écrire un court message de fin, recopié dans son statut. Non modifiable.",
        default: '/dev/termination-log',
      },
      terminationMessagePolicy: {
        text: "D'où vient le message de fin : `File` (le fichier `terminationMessagePath`) ou `FallbackToLogsOnError` (la fin des logs si le fichier est vide et que le conteneur a échoué). Non modifiable.",
        default: 'File',
      },
      tty: {
        text: 'Alloue un terminal (TTY) au conteneur éphémère ; demande aussi `stdin: true` (`kubectl debug -it`).',
        default: 'false',
      },
      volumeDevices: {
        text: 'Les périphériques bloc bruts (volumes en `volumeMode: Block`) à exposer dans le conteneur éphémère.',
        chapter: 'volumes',
      },
      volumeMounts: {
        text: "Les volumes du Pod à monter dans le conteneur éphémère ; `subPath` n'est pas autorisé ici. Non modifiable.",
        chapter: 'volumes',
      },
      workingDir: {
        text: "Le répertoire de travail de la commande ; à défaut, celui de l'image. Non modifiable.",
        default: "le `WORKDIR` de l'image",
      },
    },
  },
  'core.v1.ExecAction': {
    text: 'Une action qui exécute une commande dans le conteneur, pour une probe ou un hook. Elle réussit si la commande se termine avec le code 0.',
    chapter: 'avance',
    properties: {
      command: {
        text: "La commande à exécuter, lancée depuis `/` et sans shell : pour utiliser des pipes ou des variables, appelle un shell (`sh -c`). Un code de sortie 0 signifie « en bonne santé », toute autre valeur un échec.",
        example: 'exec:\n  command: ["cat", "/tmp/healthy"]',
      },
    },
  },
  'core.v1.GRPCAction': {
    text: "Une probe qui interroge l'application avec le protocole standard de vérification de santé gRPC (gRPC Health Checking). L'application doit implémenter ce protocole.",
    chapter: 'avance',
    properties: {
      port: {
        text: "Le numéro du port gRPC à interroger, de 1 à 65535 (un nom de port n'est pas accepté ici).",
        example: 'grpc:\n  port: 9090',
      },
      service: {
        text: "Le nom de service à placer dans la requête de santé gRPC, pour vérifier un service précis. S'il est absent, c'est le comportement par défaut de gRPC qui s'applique : la santé globale du serveur.",
      },
    },
  },
  'core.v1.HTTPGetAction': {
    text: 'Une action qui envoie une requête HTTP GET au conteneur, pour une probe ou un hook. Elle réussit si le code de réponse est compris entre 200 et 399.',
    chapter: 'avance',
    properties: {
      host: {
        text: "Le nom d'hôte ou l'adresse IP à contacter. Pour changer l'en-tête `Host` envoyé, utilise plutôt `httpHeaders`.",
        default: "l'IP du Pod",
      },
      httpHeaders: {
        text: "Des en-têtes HTTP à ajouter à la requête, par exemple `Host` ou un en-tête d'authentification.",
        example: 'httpHeaders:\n  - name: Host\n    value: example.com',
      },
      path: {
        text: 'Le chemin à demander au serveur HTTP, par exemple `/healthz`.',
        default: '/',
        example: 'path: /healthz',
      },
      port: {
        text: "Le port à contacter sur le conteneur : un numéro (de 1 à 65535) ou le nom d'un port déclaré dans `ports`, par exemple `http`.",
        example: 'httpGet:\n  path: /healthz\n  port: 8080',
      },
      scheme: {
        text: "Le protocole à utiliser : `HTTP` ou `HTTPS`. En HTTPS, le certificat du serveur n'est pas vérifié.",
        default: 'HTTP',
      },
    },
  },
  'core.v1.HTTPHeader': {
    text: "Un en-tête HTTP personnalisé ajouté à la requête d'une action `httpGet`.",
    chapter: 'avance',
    properties: {
      name: {
        text: "Le nom de l'en-tête, par exemple `Host` ou `Authorization` ; les majuscules et minuscules ne comptent pas.",
      },
      value: { text: "La valeur de l'en-tête." },
    },
  },
  'core.v1.HostAlias': {
    text: "Une entrée à ajouter au fichier `/etc/hosts` des conteneurs du Pod : une adresse IP et les noms d'hôtes qui doivent y mener.",
    chapter: 'architecture',
    properties: {
      hostnames: {
        text: "Les noms d'hôtes qui doivent résoudre vers cette adresse IP.",
        example: 'hostAliases:\n  - ip: 10.0.0.50\n    hostnames:\n      - db.local\n      - cache.local',
      },
      ip: { text: "L'adresse IP de l'entrée." },
    },
  },
  'core.v1.HostIP': {
    text: 'Une adresse IP du nœud qui héberge le Pod, remplie par Kubernetes (lecture seule).',
    chapter: 'architecture',
    properties: {
      ip: { text: "L'adresse IP du nœud (IPv4 ou IPv6)." },
    },
  },
  'core.v1.Lifecycle': {
    text: "Les hooks du cycle de vie d'un conteneur : une action juste après son démarrage (`postStart`) et une juste avant son arrêt (`preStop`). Tant que le hook n'est pas terminé, le kubelet attend avant de poursuivre la gestion du conteneur.",
    chapter: 'avance',
    properties: {
      postStart: {
        text: "Une action lancée juste après la création du conteneur, en même temps que son point d'entrée (rien ne garantit qu'elle passe avant). Si elle échoue, le conteneur est tué puis redémarré selon la `restartPolicy`.",
        example: 'lifecycle:\n  postStart:\n    exec:\n      command: ["sh", "-c", "echo démarré > /tmp/started"]',
      },
      preStop: {
        text: "Une action lancée juste avant que Kubernetes n'arrête le conteneur (suppression du Pod, rollout, échec de la liveness probe…), avant l'envoi de SIGTERM. Elle n'est pas appelée si le conteneur plante ou s'arrête de lui-même, et elle compte dans le délai `terminationGracePeriodSeconds` du Pod. Souvent une courte pause, le temps que les Services retirent le Pod de leurs endpoints.",
        example: 'lifecycle:\n  preStop:\n    exec:\n      command: ["sh", "-c", "sleep 5"]',
      },
    },
  },
  'core.v1.LifecycleHandler': {
    text: "L'action d'un hook `postStart` ou `preStop` : exécuter une commande (`exec`), envoyer une requête HTTP (`httpGet`) ou simplement attendre (`sleep`). Il faut en choisir exactement une.",
    chapter: 'avance',
    properties: {
      exec: { text: 'Exécute une commande dans le conteneur ; le hook échoue si elle se termine avec un code non nul.' },
      httpGet: { text: 'Envoie une requête HTTP GET au conteneur.' },
      sleep: {
        text: "Attend le nombre de secondes indiqué, sans avoir besoin d'une commande `sleep` dans l'image. Fonctionnalité bêta en v1.30 (feature gate `PodLifecycleSleepAction`, activée par défaut).",
        example: 'preStop:\n  sleep:\n    seconds: 10',
      },
      tcpSocket: {
        text: "Obsolète et non pris en charge dans un hook : il est accepté mais le hook échoue à l'exécution. Utilise plutôt `exec`, `httpGet` ou `sleep`.",
      },
    },
  },
  'core.v1.ObjectFieldSelector': {
    text: "Désigne un champ du Pod (son nom, son namespace, ses labels, son IP…) dont la valeur est transmise au conteneur : c'est la Downward API, utilisée dans `env[].valueFrom.fieldRef` ou dans un volume `downwardAPI`.",
    chapter: 'ressources',
    properties: {
      apiVersion: {
        text: "La version de l'API dans laquelle `fieldPath` est écrit ; presque toujours `v1`.",
        default: 'v1',
      },
      fieldPath: {
        text: "Le chemin du champ à lire, par exemple `metadata.name`, `metadata.namespace`, `metadata.labels['app']`, `spec.nodeName` ou `status.podIP`.",
        example: 'fieldRef:\n  fieldPath: status.podIP',
      },
    },
  },
  'core.v1.Pod': {
    text: "La plus petite unité que Kubernetes sait lancer : un ou plusieurs conteneurs qui tournent ensemble sur le même nœud, partagent la même adresse IP (ils se joignent par `localhost`) et peuvent partager des volumes. Un Pod est éphémère : s'il disparaît, rien ne le recrée tout seul. C'est pourquoi on le crée en général par un Deployment, un StatefulSet ou un Job plutôt qu'à la main.",
    chapter: 'ressources',
    properties: {
      apiVersion: {
        text: "La version de l'API de l'objet : `v1` pour un Pod, qui fait partie du groupe de base (« core »).",
        example: 'apiVersion: v1',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Le type de l'objet : ici `Pod`.",
        example: 'kind: Pod',
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Les métadonnées du Pod : son `name` (unique dans le namespace), son `namespace`, ses `labels` (grâce auxquels les Services et les Deployments le retrouvent) et ses `annotations`.",
        example: 'metadata:\n  name: web\n  labels:\n    app: web',
        chapter: 'api-kubectl',
      },
      spec: {
        text: "La description du Pod que tu veux : ses conteneurs, ses volumes, sa politique de redémarrage, ses contraintes de placement… La plupart de ces champs ne peuvent plus être modifiés une fois le Pod créé.",
        example: 'spec:\n  containers:\n    - name: web\n      image: nginx:1.27',
      },
      status: {
        text: "L'état observé du Pod, rempli par Kubernetes (lecture seule) : phase, conditions, adresses IP, état de chaque conteneur. Il peut être en retard sur la réalité, notamment si le nœud ne communique plus avec le control plane.",
      },
    },
  },
  'core.v1.PodCondition': {
    text: "Une condition du Pod, remplie par Kubernetes (lecture seule) : une étape de son cycle de vie, et si elle est atteinte. Les principales sont `PodScheduled`, `Initialized`, `ContainersReady` et `Ready` ; `kubectl describe pod` les liste sous « Conditions ».",
    chapter: 'ressources',
    properties: {
      lastProbeTime: { text: 'La dernière fois que la condition a été vérifiée (souvent vide pour un Pod).' },
      lastTransitionTime: {
        text: 'La dernière fois que la condition a changé de statut, par exemple quand le Pod est devenu `Ready`.',
      },
      message: {
        text: 'Un message lisible qui explique le dernier changement, par exemple pourquoi aucun nœud ne peut accueillir le Pod.',
      },
      reason: {
        text: 'Une raison courte, en un mot CamelCase, du dernier changement, par exemple `Unschedulable` ou `ContainersNotReady`.',
      },
      status: { text: '`True`, `False` ou `Unknown` : la condition est-elle remplie ?' },
      type: {
        text: "Le type de condition : `PodScheduled` (placé sur un nœud), `Initialized` (init containers terminés), `ContainersReady` (tous les conteneurs prêts), `Ready` (le Pod peut recevoir du trafic), ou un type ajouté par une readiness gate.",
      },
    },
  },
  'core.v1.PodDNSConfig': {
    text: "Des réglages DNS supplémentaires pour le Pod, fusionnés avec ceux que produit `dnsPolicy` dans le fichier `/etc/resolv.conf` des conteneurs. Avec `dnsPolicy: None`, ce sont les seuls réglages DNS du Pod.",
    chapter: 'architecture',
    properties: {
      nameservers: {
        text: 'Des adresses IP de serveurs DNS à ajouter (3 au plus au total, les doublons sont retirés). Au moins une est obligatoire avec `dnsPolicy: None`.',
        example: 'dnsConfig:\n  nameservers:\n    - 1.1.1.1',
      },
      options: {
        text: 'Des options du résolveur DNS, comme `ndots`, fusionnées avec celles de la politique DNS ; en cas de conflit, celles données ici gagnent.',
        example: 'dnsConfig:\n  options:\n    - name: ndots\n      value: "2"',
      },
      searches: {
        text: 'Des domaines de recherche à ajouter, essayés à la suite des noms courts, par exemple `mon-ns.svc.cluster.local`.',
      },
    },
  },
  'core.v1.PodDNSConfigOption': {
    text: 'Une option du résolveur DNS du Pod, écrite dans la ligne `options` de `/etc/resolv.conf`.',
    chapter: 'architecture',
    properties: {
      name: { text: "Le nom de l'option, par exemple `ndots`, `timeout` ou `attempts`. Obligatoire." },
      value: {
        text: "La valeur de l'option, si elle en demande une (par exemple `2` pour `ndots`), écrite comme une chaîne.",
      },
    },
  },
  'core.v1.PodIP': {
    text: 'Une adresse IP attribuée au Pod, remplie par Kubernetes (lecture seule).',
    chapter: 'architecture',
    properties: {
      ip: { text: "L'adresse IP du Pod (IPv4 ou IPv6)." },
    },
  },
  'core.v1.PodOS': {
    text: "Le système d'exploitation prévu pour les conteneurs du Pod. Kubernetes s'en sert pour valider la spec (certains champs sont interdits sous Windows) et le kubelet refuse un Pod prévu pour un autre système ; pour le placement, ajoute aussi un `nodeSelector` sur le label `kubernetes.io/os`.",
    chapter: 'ressources',
    properties: {
      name: {
        text: "Le nom du système d'exploitation : `linux` ou `windows`.",
        example: 'os:\n  name: linux',
      },
    },
  },
  'core.v1.PodReadinessGate': {
    text: "Une condition supplémentaire que le Pod doit remplir pour être `Ready`, en plus de la readiness de ses conteneurs. Elle est mise à jour par un contrôleur externe, par exemple un contrôleur de load balancer qui attend que le Pod soit enregistré.",
    chapter: 'avance',
    properties: {
      conditionType: {
        text: 'Le type de la condition, dans `status.conditions`, qui doit valoir `True` pour que le Pod soit prêt.',
        example: 'readinessGates:\n  - conditionType: example.com/lb-ready',
      },
    },
  },
  'core.v1.PodResourceClaim': {
    text: "Déclare dans le Pod une demande de ressource spéciale (par exemple un GPU géré par un pilote) par l'allocation dynamique de ressources (DRA), sous un nom que les conteneurs reprennent dans `resources.claims`. Fonctionnalité alpha en v1.30 (feature gate `DynamicResourceAllocation`).",
    chapter: 'avance',
    properties: {
      name: {
        text: 'Le nom de cette demande dans le Pod (un label DNS), que les conteneurs reprennent dans `resources.claims`.',
      },
      source: {
        text: "Où trouver le ResourceClaim : un ResourceClaim existant (`resourceClaimName`) ou un modèle à partir duquel en créer un pour ce Pod (`resourceClaimTemplateName`).",
      },
    },
  },
  'core.v1.PodResourceClaimStatus': {
    text: "Pour une demande de ressource créée à partir d'un modèle, le nom du ResourceClaim généré pour ce Pod. Rempli par Kubernetes (lecture seule) ; fonctionnalité alpha en v1.30.",
    chapter: 'avance',
    properties: {
      name: { text: 'Le nom de la demande, tel que déclaré dans `spec.resourceClaims`.' },
      resourceClaimName: {
        text: "Le nom du ResourceClaim généré dans le namespace du Pod ; vide si aucun n'a eu besoin d'être créé.",
      },
    },
  },
  'core.v1.PodSchedulingGate': {
    text: "Une « porte » qui bloque le placement du Pod : tant qu'il lui en reste au moins une, le Pod attend (`SchedulingGated`) et le scheduler l'ignore. Un contrôleur externe retire les portes quand le Pod peut être placé, par exemple quand un quota le permet.",
    chapter: 'avance',
    properties: {
      name: {
        text: 'Le nom de la porte, unique dans le Pod.',
        example: 'schedulingGates:\n  - name: example.com/quota-check',
      },
    },
  },
  'core.v1.PodSpec': {
    text: "La description d'un Pod : ses conteneurs (et init containers), ses volumes, sa politique de redémarrage, les règles de choix de son nœud, son identité (ServiceAccount) et ses réglages réseau et sécurité. On la retrouve telle quelle dans `spec.template.spec` d'un Deployment, d'un StatefulSet ou d'un Job.",
    chapter: 'ressources',
    properties: {
      activeDeadlineSeconds: {
        text: "La durée maximale, en secondes depuis le démarrage du Pod, pendant laquelle il peut rester actif. Passé ce délai, Kubernetes arrête ses conteneurs et marque le Pod `Failed` (raison `DeadlineExceeded`). Surtout utile pour des tâches ponctuelles.",
        chapter: 'avance',
      },
      affinity: {
        text: "Les règles de placement avancées : affinité de nœud (exiger ou préférer des nœuds portant certains labels), affinité et anti-affinité de Pods (se rapprocher ou s'éloigner d'autres Pods, par exemple pour répartir les réplicas sur plusieurs nœuds).",
        chapter: 'avance',
      },
      automountServiceAccountToken: {
        text: "Monte automatiquement dans les conteneurs un jeton du ServiceAccount (dans `/var/run/secrets/kubernetes.io/serviceaccount`), qui permet d'appeler l'API Kubernetes. Mets `false` si l'application n'en a pas besoin : c'est plus sûr.",
        default: '`true`, sauf si le ServiceAccount dit le contraire',
        chapter: 'rbac',
      },
      containers: {
        text: "La liste des conteneurs du Pod, au moins un. Chacun a au minimum un `name` et une `image` ; le plus souvent, il y a un conteneur principal, parfois accompagné de conteneurs d'appoint. On ne peut ni ajouter ni retirer de conteneur à un Pod existant.",
        example: 'containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n      - containerPort: 80',
      },
      dnsConfig: {
        text: 'Des réglages DNS supplémentaires (serveurs, domaines de recherche, options), fusionnés avec ceux de `dnsPolicy`.',
        chapter: 'architecture',
      },
      dnsPolicy: {
        text: "Comment le DNS du Pod est configuré : `ClusterFirst` (le DNS du cluster, qui résout les noms des Services, puis les serveurs en amont pour le reste), `ClusterFirstWithHostNet` (la même chose pour un Pod en `hostNetwork`), `Default` (la configuration DNS du nœud ; malgré son nom, ce n'est pas la valeur par défaut) ou `None` (tout vient de `dnsConfig`).",
        default: 'ClusterFirst',
        chapter: 'architecture',
      },
      enableServiceLinks: {
        text: "Injecte dans les conteneurs des variables d'environnement pour chaque Service du namespace (`MON_SERVICE_SERVICE_HOST`, `MON_SERVICE_SERVICE_PORT`…), à la manière des liens Docker. Mets `false` si le namespace contient beaucoup de Services : on passe de toute façon plutôt par le DNS.",
        default: 'true',
      },
      ephemeralContainers: {
        text: "Les conteneurs éphémères ajoutés au Pod pour le déboguer. On ne peut pas les déclarer à la création du Pod ni en modifiant sa spec : on les ajoute avec `kubectl debug`.",
        chapter: 'quotidien',
      },
      hostAliases: {
        text: "Des entrées à ajouter au fichier `/etc/hosts` des conteneurs, pour faire pointer certains noms vers des adresses IP précises sans passer par le DNS.",
        example: 'hostAliases:\n  - ip: 10.0.0.50\n    hostnames:\n      - db.local',
        chapter: 'architecture',
      },
      hostIPC: {
        text: "Fait partager au Pod l'espace de noms IPC (mémoire partagée, files de messages) du nœud. Cela réduit l'isolation : à éviter sauf besoin précis.",
        default: 'false',
      },
      hostNetwork: {
        text: "Fait utiliser au Pod le réseau du nœud : il partage ses interfaces et son adresse IP, et ses ports s'ouvrent directement sur le nœud. Réservé à des composants système (agents réseau, monitoring) ; pense alors à `dnsPolicy: ClusterFirstWithHostNet`.",
        default: 'false',
        chapter: 'architecture',
      },
      hostPID: {
        text: "Fait partager au Pod l'espace de noms des processus du nœud : ses conteneurs voient tous les processus de la machine. Cela réduit fortement l'isolation.",
        default: 'false',
      },
      hostUsers: {
        text: "Si `false`, le Pod reçoit son propre espace de noms utilisateurs : root dans le conteneur n'est pas root sur le nœud, ce qui limite les dégâts en cas d'évasion du conteneur. Fonctionnalité pas encore stable en v1.30 (feature gate `UserNamespacesSupport`).",
        default: 'true',
      },
      hostname: {
        text: "Le nom d'hôte vu à l'intérieur des conteneurs du Pod.",
        default: 'le nom du Pod (`metadata.name`)',
        chapter: 'architecture',
      },
      imagePullSecrets: {
        text: "Les Secrets (de type `kubernetes.io/dockerconfigjson`, dans le même namespace) qui contiennent les identifiants pour télécharger des images depuis un registre privé.",
        example: 'imagePullSecrets:\n  - name: regcred',
      },
      initContainers: {
        text: "Des conteneurs d'initialisation, lancés un par un et dans l'ordre avant les conteneurs principaux ; chacun doit se terminer avec succès avant que le suivant démarre. Ils préparent le terrain : attendre une base de données, télécharger une configuration, lancer des migrations… En cas d'échec, ils sont relancés selon la `restartPolicy` du Pod (avec `Never`, le Pod échoue). Avec `restartPolicy: Always`, un init container devient un sidecar qui tourne pendant toute la vie du Pod.",
        example: 'initContainers:\n  - name: wait-db\n    image: busybox:1.36\n    command: ["sh", "-c", "until nc -z db 5432; do sleep 2; done"]',
      },
      nodeName: {
        text: "Le nœud sur lequel le Pod tourne, normalement rempli par le scheduler. Si tu l'indiques toi-même, le Pod est envoyé directement sur ce nœud sans passer par le scheduler : préfère `nodeSelector` ou l'affinité.",
        chapter: 'avance',
      },
      nodeSelector: {
        text: "Des labels que le nœud doit porter pour accueillir le Pod : il ne sera placé que sur un nœud qui a tous ces labels. C'est la façon la plus simple de choisir un type de nœud.",
        example: 'nodeSelector:\n  disktype: ssd',
        chapter: 'avance',
      },
      os: {
        text: "Le système d'exploitation prévu pour le Pod (`linux` ou `windows`) ; Kubernetes valide alors la spec en conséquence.",
      },
      overhead: {
        text: "Les ressources consommées par l'infrastructure du Pod lui-même (par exemple une machine virtuelle légère), en plus de ses conteneurs. Rempli automatiquement à partir de la RuntimeClass : ne le renseigne pas toi-même.",
        chapter: 'avance',
      },
      preemptionPolicy: {
        text: "Si le Pod peut évincer des Pods moins prioritaires pour trouver de la place : `PreemptLowerPriority`, ou `Never` (il attend qu'une place se libère).",
        default: 'PreemptLowerPriority',
        chapter: 'avance',
      },
      priority: {
        text: "La valeur numérique de priorité du Pod : plus elle est élevée, plus le Pod est prioritaire. Elle est calculée à partir de `priorityClassName` ; ne la renseigne pas toi-même.",
        default: 'la valeur de la PriorityClass par défaut, sinon 0',
        chapter: 'avance',
      },
      priorityClassName: {
        text: "Le nom de la PriorityClass qui fixe la priorité du Pod. Un Pod prioritaire est placé avant les autres et peut évincer des Pods moins prioritaires si le cluster manque de place. `system-node-critical` et `system-cluster-critical` sont réservées aux composants système.",
        example: 'priorityClassName: high-priority',
        chapter: 'avance',
      },
      readinessGates: {
        text: 'Des conditions supplémentaires, gérées par des contrôleurs externes, qui doivent toutes valoir `True` pour que le Pod soit `Ready`, en plus de la readiness de ses conteneurs.',
        chapter: 'avance',
      },
      resourceClaims: {
        text: "Les ressources spéciales (allocation dynamique de ressources, DRA), par exemple un GPU, qui doivent être allouées avant le démarrage du Pod. Fonctionnalité alpha en v1.30 (feature gate `DynamicResourceAllocation`). Non modifiable.",
        chapter: 'avance',
      },
      restartPolicy: {
        text: "Que faire quand un conteneur du Pod s'arrête : `Always` (toujours le redémarrer, seule valeur possible pour un Deployment), `OnFailure` (seulement s'il a échoué, avec un code de sortie non nul) ou `Never` (jamais). Les Jobs utilisent `OnFailure` ou `Never`. Les redémarrages ont lieu sur le même nœud, avec un délai qui augmente jusqu'à 5 minutes : c'est le `CrashLoopBackOff`.",
        default: 'Always',
        example: 'restartPolicy: OnFailure',
      },
      runtimeClassName: {
        text: "Le nom d'une RuntimeClass, qui choisit le runtime de conteneurs à utiliser sur le nœud (par exemple gVisor ou Kata Containers pour plus d'isolation). Sans elle, le runtime par défaut du nœud est utilisé.",
        chapter: 'architecture',
      },
      schedulerName: {
        text: 'Le scheduler chargé de placer ce Pod, si le cluster en a plusieurs.',
        default: 'default-scheduler',
        chapter: 'avance',
      },
      schedulingGates: {
        text: "Des « portes » qui empêchent le placement du Pod tant qu'elles ne sont pas toutes retirées : il reste `SchedulingGated`. On ne peut les définir qu'à la création du Pod, et ensuite seulement les retirer.",
        chapter: 'avance',
      },
      securityContext: {
        text: "Les options de sécurité communes à tous les conteneurs du Pod : utilisateur et groupe d'exécution (`runAsUser`, `runAsGroup`, `runAsNonRoot`), groupe propriétaire des volumes (`fsGroup`), profil seccomp… Le `securityContext` d'un conteneur peut les remplacer.",
        example: 'securityContext:\n  runAsNonRoot: true\n  runAsUser: 1000\n  fsGroup: 2000',
        chapter: 'quotidien',
      },
      serviceAccount: {
        text: 'Obsolète : ancien nom de `serviceAccountName`, à utiliser à sa place.',
        chapter: 'rbac',
      },
      serviceAccountName: {
        text: "Le ServiceAccount sous l'identité duquel le Pod tourne : ce sont ses droits RBAC (Roles et bindings) qui s'appliquent quand l'application appelle l'API Kubernetes.",
        default: 'default',
        example: 'serviceAccountName: mon-app',
        chapter: 'rbac',
      },
      setHostnameAsFQDN: {
        text: "Si `true`, le nom d'hôte vu dans le conteneur est le nom complet (FQDN, par exemple `web-0.web.default.svc.cluster.local`) au lieu du nom court. Sans effet si le Pod n'a pas de FQDN.",
        default: 'false',
        chapter: 'architecture',
      },
      shareProcessNamespace: {
        text: "Si `true`, tous les conteneurs du Pod partagent le même espace de noms de processus : chacun voit les processus des autres et peut leur envoyer des signaux. Utile pour le débogage ou certains sidecars. Incompatible avec `hostPID`.",
        default: 'false',
      },
      subdomain: {
        text: "Le sous-domaine du Pod. Avec un Service headless du même nom, le Pod obtient un nom DNS complet de la forme `<hostname>.<subdomain>.<namespace>.svc.<domaine du cluster>`. C'est ainsi qu'un StatefulSet donne un nom stable à chacun de ses Pods.",
        chapter: 'architecture',
      },
      terminationGracePeriodSeconds: {
        text: "Le délai, en secondes, laissé au Pod pour s'arrêter proprement : Kubernetes lance les hooks `preStop`, envoie SIGTERM, puis tue les processus restants (SIGKILL) à la fin du délai. Augmente-le si ton application met du temps à terminer ses requêtes en cours ; `0` arrête tout immédiatement.",
        default: '30',
        example: 'terminationGracePeriodSeconds: 60',
      },
      tolerations: {
        text: "Les taints que le Pod tolère. Un nœud marqué d'une taint refuse les Pods qui ne la tolèrent pas ; une toleration autorise le Pod à aller sur ce nœud, sans l'y obliger.",
        example: 'tolerations:\n  - key: dedicated\n    operator: Equal\n    value: gpu\n    effect: NoSchedule',
        chapter: 'avance',
      },
      topologySpreadConstraints: {
        text: "Des règles pour répartir les Pods d'une même application entre des domaines (nœuds, zones…), pour qu'une panne n'en emporte pas trop à la fois. Toutes les règles doivent être respectées en même temps.",
        chapter: 'avance',
      },
      volumes: {
        text: "Les volumes mis à disposition des conteneurs du Pod : stockage persistant (`persistentVolumeClaim`), répertoire temporaire (`emptyDir`), contenu d'une ConfigMap ou d'un Secret… Chaque volume a un nom ; un conteneur le monte ensuite avec `volumeMounts`.",
        example: 'volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: data-pvc\n  - name: config\n    configMap:\n      name: app-config',
        chapter: 'volumes',
      },
    },
  },
  'core.v1.PodStatus': {
    text: "L'état observé d'un Pod, rempli par Kubernetes (lecture seule) : sa phase, ses conditions, ses adresses IP et l'état de chacun de ses conteneurs. Il peut être en retard sur la réalité si le nœud ne joint plus le control plane.",
    chapter: 'ressources',
    properties: {
      conditions: {
        text: 'Les conditions du Pod (`PodScheduled`, `Initialized`, `ContainersReady`, `Ready`…), avec leur statut et la raison de leur dernier changement.',
      },
      containerStatuses: {
        text: "L'état de chaque conteneur principal, une entrée par conteneur de la spec : prêt ou non, nombre de redémarrages, état actuel et précédent.",
        chapter: 'quotidien',
      },
      ephemeralContainerStatuses: {
        text: "L'état des conteneurs éphémères (de débogage) lancés dans ce Pod.",
        chapter: 'quotidien',
      },
      hostIP: {
        text: "L'adresse IP du nœud sur lequel le Pod est placé ; vide tant que le Pod n'a pas démarré.",
        chapter: 'architecture',
      },
      hostIPs: {
        text: 'Les adresses IP du nœud (IPv4 et/ou IPv6) ; la première est égale à `hostIP`.',
        chapter: 'architecture',
      },
      initContainerStatuses: {
        text: "L'état de chaque init container, une entrée par init container de la spec. Si le Pod reste bloqué en `Init:…`, c'est ici qu'on voit lequel coince.",
        chapter: 'quotidien',
      },
      message: {
        text: "Un message lisible qui explique l'état du Pod, par exemple la cause d'une éviction.",
      },
      nominatedNodeName: {
        text: "Le nœud sur lequel le scheduler prévoit de placer le Pod après avoir évincé des Pods moins prioritaires. Ce n'est pas une garantie : le Pod peut finalement aller ailleurs.",
        chapter: 'avance',
      },
      phase: {
        text: "Le résumé du cycle de vie du Pod : `Pending` (accepté mais pas encore lancé : attente d'un nœud ou téléchargement des images), `Running` (placé sur un nœud, au moins un conteneur tourne ou démarre), `Succeeded` (tous les conteneurs ont terminé avec succès), `Failed` (tous sont arrêtés, au moins un en échec) ou `Unknown` (état impossible à obtenir, souvent un nœud injoignable). Attention : `CrashLoopBackOff` n'est pas une phase mais un état de conteneur.",
      },
      podIP: {
        text: "L'adresse IP du Pod, joignable au moins depuis l'intérieur du cluster ; vide tant qu'elle n'est pas attribuée. Elle change quand le Pod est recréé : c'est pour cela qu'on passe par un Service.",
        chapter: 'architecture',
      },
      podIPs: {
        text: 'Les adresses IP du Pod (au plus une IPv4 et une IPv6) ; la première est égale à `podIP`.',
        chapter: 'architecture',
      },
      qosClass: {
        text: "La classe de qualité de service du Pod, calculée à partir des requests et limits : `Guaranteed` (requests égales aux limits, pour le CPU et la mémoire de chaque conteneur), `Burstable` (au moins une request ou une limit) ou `BestEffort` (aucune). Quand un nœud manque de mémoire, les Pods `BestEffort` sont évincés en premier et les `Guaranteed` en dernier.",
        chapter: 'avance',
      },
      reason: {
        text: "Une raison courte en CamelCase qui explique l'état du Pod, par exemple `Evicted` quand le nœud l'a expulsé faute de ressources.",
      },
      resize: {
        text: "L'état d'un redimensionnement à chaud des ressources des conteneurs : `Proposed`, `InProgress`, `Deferred` ou `Infeasible` ; vide si aucun n'est en cours. Fonctionnalité alpha en v1.30.",
        chapter: 'avance',
      },
      resourceClaimStatuses: {
        text: "Les noms des ResourceClaims générés pour ce Pod (allocation dynamique de ressources, alpha en v1.30).",
        chapter: 'avance',
      },
      startTime: {
        text: "La date et l'heure auxquelles le kubelet a pris en charge le Pod, avant le téléchargement des images.",
      },
    },
  },
  'core.v1.PodTemplateSpec': {
    text: "Le modèle de Pod qu'un contrôleur (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job) utilise pour créer ses Pods. Modifier le template d'un Deployment déclenche un rollout : de nouveaux Pods sont créés à partir du nouveau modèle.",
    chapter: 'ressources',
    properties: {
      metadata: {
        text: "Les métadonnées des Pods créés, surtout leurs `labels` : ils doivent correspondre au `selector` du contrôleur, sinon l'objet est refusé. Pas besoin de `name` : les Pods reçoivent un nom généré.",
        example: 'template:\n  metadata:\n    labels:\n      app: web',
      },
      spec: {
        text: 'La spec des Pods à créer (conteneurs, volumes…), exactement comme dans un Pod.',
        example: 'template:\n  metadata:\n    labels:\n      app: web\n  spec:\n    containers:\n      - name: web\n        image: nginx:1.27',
      },
    },
  },
  'core.v1.Probe': {
    text: "Un test de santé que le kubelet lance régulièrement sur un conteneur : une commande (`exec`), une requête HTTP (`httpGet`), une connexion TCP (`tcpSocket`) ou un appel gRPC (`grpc`), avec exactement un de ces mécanismes. Les autres champs règlent le rythme et la tolérance : quand commencer, à quelle fréquence, et combien d'échecs avant de conclure.",
    chapter: 'avance',
    properties: {
      exec: {
        text: 'Teste en exécutant une commande dans le conteneur : la probe réussit si la commande renvoie le code 0.',
        example: 'exec:\n  command: ["cat", "/tmp/healthy"]',
      },
      failureThreshold: {
        text: "Le nombre d'échecs consécutifs avant de déclarer la probe en échec : redémarrage du conteneur pour une liveness ou une startup probe, retrait du trafic pour une readiness probe. Minimum 1.",
        default: '3',
        example: 'failureThreshold: 5',
      },
      grpc: {
        text: "Teste en appelant le service de santé gRPC standard de l'application, sur le port indiqué.",
        example: 'grpc:\n  port: 9090',
      },
      httpGet: {
        text: "Teste en envoyant une requête HTTP GET : la probe réussit si le code de réponse est compris entre 200 et 399. C'est le mécanisme le plus courant pour une application web.",
        example: 'httpGet:\n  path: /healthz\n  port: 8080',
      },
      initialDelaySeconds: {
        text: "Le nombre de secondes à attendre après le démarrage du conteneur avant la première vérification. Pour une application lente à démarrer, une startup probe est souvent une meilleure solution.",
        default: '0',
        example: 'initialDelaySeconds: 10',
      },
      periodSeconds: {
        text: "L'intervalle, en secondes, entre deux vérifications. Minimum 1.",
        default: '10',
        example: 'periodSeconds: 5',
      },
      successThreshold: {
        text: "Le nombre de succès consécutifs, après un échec, pour considérer de nouveau la probe comme réussie. Doit valoir 1 pour les probes liveness et startup.",
        default: '1',
      },
      tcpSocket: {
        text: "Teste en ouvrant une connexion TCP sur un port du conteneur : la probe réussit si la connexion s'établit. Pratique pour les services qui ne parlent pas HTTP (base de données, cache…).",
        example: 'tcpSocket:\n  port: 5432',
      },
      terminationGracePeriodSeconds: {
        text: "Le délai d'arrêt propre, en secondes, appliqué quand le conteneur est tué à cause de l'échec de cette probe ; il remplace alors celui du Pod. Réservé aux probes liveness et startup, interdit pour une readiness probe.",
        default: 'le `terminationGracePeriodSeconds` du Pod',
      },
      timeoutSeconds: {
        text: "Le temps maximum, en secondes, laissé à une vérification pour répondre ; au-delà, elle compte comme un échec. Minimum 1.",
        default: '1',
        example: 'timeoutSeconds: 3',
      },
    },
  },
  'core.v1.ResourceClaim': {
    text: "Depuis un conteneur (`resources.claims`), la référence à une demande de ressource déclarée dans `spec.resourceClaims` du Pod, pour rendre cette ressource accessible au conteneur. Fonctionnalité alpha en v1.30 (allocation dynamique de ressources).",
    chapter: 'avance',
    properties: {
      name: { text: "Le nom d'une entrée de `spec.resourceClaims` du Pod." },
    },
  },
  'core.v1.ResourceFieldSelector': {
    text: "Désigne une request ou une limit d'un conteneur (CPU, mémoire, stockage éphémère) à transmettre à l'application, dans une variable d'environnement ou un volume `downwardAPI`.",
    chapter: 'avance',
    properties: {
      containerName: {
        text: "Le conteneur dont on lit les ressources : obligatoire dans un volume `downwardAPI`, facultatif dans une variable d'environnement (c'est alors le conteneur lui-même).",
      },
      divisor: {
        text: "L'unité dans laquelle exprimer la valeur : par exemple `1Mi` pour obtenir la mémoire en Mio, ou `1m` pour le CPU en millicœurs. Le résultat est arrondi à l'entier supérieur.",
        default: '1',
        example: 'divisor: 1Mi',
      },
      resource: {
        text: 'La ressource à lire : `requests.cpu`, `requests.memory`, `requests.ephemeral-storage`, `limits.cpu`, `limits.memory` ou `limits.ephemeral-storage`. Obligatoire.',
        example: 'resourceFieldRef:\n  resource: limits.memory',
      },
    },
  },
  'core.v1.ResourceRequirements': {
    text: "Les ressources de calcul d'un conteneur : ce qu'il réserve (`requests`) et ce qu'il ne peut pas dépasser (`limits`), pour le CPU (en cœurs : `500m` fait un demi-cœur) et la mémoire (en octets : `256Mi`).",
    chapter: 'avance',
    properties: {
      claims: {
        text: 'Les demandes de ressources du Pod (`spec.resourceClaims`) utilisées par ce conteneur. Fonctionnalité alpha en v1.30 (feature gate `DynamicResourceAllocation`). Non modifiable.',
      },
      limits: {
        text: "Le maximum que le conteneur peut consommer. Au-delà de sa limite CPU, il est ralenti (throttling) ; au-delà de sa limite mémoire, il est tué (`OOMKilled`) puis redémarré. Une limit doit être supérieure ou égale à la request correspondante.",
        example: 'limits:\n  cpu: "1"\n  memory: 512Mi',
      },
      requests: {
        text: "Ce que le conteneur réserve : le scheduler ne place le Pod que sur un nœud où il reste assez de ressources pour ses requests, et l'autoscaler horizontal (HPA) mesure l'utilisation en pourcentage des requests. Si une ressource n'a pas de request mais a une limit, la limit sert de request.",
        default: 'la valeur de `limits`, si elle est définie',
        example: 'requests:\n  cpu: 250m\n  memory: 128Mi',
      },
    },
  },
  'core.v1.SecretEnvSource': {
    text: "Désigne un Secret dont toutes les clés deviennent des variables d'environnement du conteneur (dans `envFrom`), avec leurs valeurs décodées.",
    chapter: 'ressources',
    properties: {
      name: {
        text: 'Le nom du Secret à lire, dans le même namespace que le Pod.',
        example: 'envFrom:\n  - secretRef:\n      name: app-secret',
      },
      optional: {
        text: "Si `true`, le conteneur démarre même si le Secret n'existe pas. Sinon, il reste bloqué en `CreateContainerConfigError` tant qu'il manque.",
        default: 'false',
      },
    },
  },
  'core.v1.SecretKeySelector': {
    text: "Désigne une seule clé d'un Secret, dont la valeur décodée remplit une variable d'environnement (`valueFrom.secretKeyRef`).",
    chapter: 'ressources',
    properties: {
      key: {
        text: 'La clé du Secret à lire, par exemple `password`.',
        example: 'valueFrom:\n  secretKeyRef:\n    name: db-secret\n    key: password',
      },
      name: { text: 'Le nom du Secret, dans le même namespace que le Pod.' },
      optional: {
        text: "Si `true`, l'absence du Secret ou de la clé n'empêche pas le conteneur de démarrer : la variable n'est simplement pas définie.",
        default: 'false',
      },
    },
  },
  'core.v1.SleepAction': {
    text: "Une action de hook qui se contente d'attendre, souvent utilisée en `preStop` pour laisser au trafic le temps de quitter le Pod avant son arrêt.",
    chapter: 'avance',
    properties: {
      seconds: {
        text: 'Le nombre de secondes à attendre.',
        example: 'sleep:\n  seconds: 5',
      },
    },
  },
  'core.v1.TCPSocketAction': {
    text: "Une action qui tente d'ouvrir une connexion TCP sur un port du conteneur ; elle réussit si la connexion s'établit.",
    chapter: 'avance',
    properties: {
      host: {
        text: "Le nom d'hôte ou l'adresse IP à contacter.",
        default: "l'IP du Pod",
      },
      port: {
        text: "Le port à tester : un numéro (de 1 à 65535) ou le nom d'un port déclaré dans `ports`.",
        example: 'tcpSocket:\n  port: 6379',
      },
    },
  },
  'core.v1.VolumeMountStatus': {
    text: "L'état d'un montage de volume dans un conteneur, rempli par Kubernetes (lecture seule) ; il reprend les informations du `volumeMount` d'origine.",
    chapter: 'volumes',
    properties: {
      mountPath: { text: "Le chemin de montage, repris du `volumeMount` d'origine." },
      name: { text: "Le nom du volume, repris du `volumeMount` d'origine." },
      readOnly: { text: "Indique si le montage est en lecture seule, comme dans le `volumeMount` d'origine." },
      recursiveReadOnly: {
        text: "Indique si la lecture seule s'applique aussi aux montages imbriqués : `Enabled` ou `Disabled` (une demande `IfPossible` est traduite selon le résultat réel). Fonctionnalité alpha en v1.30.",
      },
    },
  },
};
