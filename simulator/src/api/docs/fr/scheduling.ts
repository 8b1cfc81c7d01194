import type { DocTable } from '../types';

/** Documentation en français : Métadonnées (meta.v1), sécurité des conteneurs, placement (affinités, taints, tolérances) et Nodes. */
export const SCHEDULING_DOCS: DocTable = {
  'core.v1.Affinity': {
    text: "Regroupe les règles d'affinité d'un Pod : sur quels nœuds le placer (`nodeAffinity`), près de quels Pods (`podAffinity`) ou loin de quels Pods (`podAntiAffinity`). Le scheduler en tient compte au moment de choisir un nœud.",
    chapter: 'avance',
    properties: {
      nodeAffinity: {
        text: "Règles qui attirent le Pod vers certains nœuds d'après leurs labels, de façon obligatoire ou simplement préférée. C'est une version plus expressive de `nodeSelector`.",
        example: `affinity:
  nodeAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
      nodeSelectorTerms:
        - matchExpressions:
            - key: disktype
              operator: In
              values: [ssd]`,
      },
      podAffinity: {
        text: "Règles qui placent le Pod au plus près d'autres Pods (même nœud, même zone…) désignés par leurs labels, par exemple pour rapprocher une application de son cache.",
      },
      podAntiAffinity: {
        text: "Règles qui éloignent le Pod d'autres Pods désignés par leurs labels, par exemple pour répartir les réplicas d'un Deployment sur des nœuds différents et survivre à la panne d'une machine.",
        example: `affinity:
  podAntiAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
      - labelSelector:
          matchLabels:
            app: web
        topologyKey: kubernetes.io/hostname`,
      },
    },
  },
  'core.v1.AppArmorProfile': {
    text: "Choisit le profil AppArmor (module de sécurité Linux) appliqué au Pod ou à un conteneur, pour restreindre ce que ses processus ont le droit de faire. Depuis Kubernetes 1.30, ce champ remplace les anciennes annotations AppArmor.",
    chapter: 'avance',
    properties: {
      localhostProfile: {
        text: "Nom du profil AppArmor, déjà chargé sur le nœud, à utiliser. Obligatoire si `type` vaut `Localhost` et interdit sinon ; le profil doit être installé au préalable sur chaque nœud.",
      },
      type: {
        text: 'Type de profil : `RuntimeDefault` (profil par défaut du runtime de conteneurs), `Localhost` (profil chargé sur le nœud, nommé par `localhostProfile`) ou `Unconfined` (aucune restriction AppArmor).',
        example: 'appArmorProfile:\n  type: RuntimeDefault',
      },
    },
  },
  'core.v1.AttachedVolume': {
    text: 'Un volume attaché à un nœud, tel que rapporté dans le statut du Node. Rempli par Kubernetes (lecture seule).',
    chapter: 'volumes',
    properties: {
      devicePath: {
        text: 'Chemin du périphérique, sur le nœud, par lequel le volume est accessible (par exemple `/dev/xvdf`).',
      },
      name: {
        text: 'Nom du volume attaché, préfixé par le nom du plugin de stockage (par exemple `kubernetes.io/csi/...`).',
      },
    },
  },
  'core.v1.Capabilities': {
    text: "Ajoute ou retire des capabilities Linux à un conteneur. Les capabilities découpent les pouvoirs de root en droits plus fins (écouter sur un port inférieur à 1024, modifier le réseau…) ; la bonne pratique consiste à tout retirer puis à rajouter le strict nécessaire.",
    chapter: 'avance',
    properties: {
      add: {
        text: "Capabilities à ajouter à l'ensemble par défaut du runtime, écrites sans le préfixe `CAP_` (par exemple `NET_BIND_SERVICE`).",
        example: 'capabilities:\n  add: ["NET_BIND_SERVICE"]',
      },
      drop: {
        text: "Capabilities à retirer. `ALL` les retire toutes, ce qui est recommandé pour une application qui n'en a pas besoin.",
        example: 'capabilities:\n  drop: ["ALL"]',
      },
    },
  },
  'core.v1.ConfigMapNodeConfigSource': {
    text: "Désignait un ConfigMap contenant la configuration du kubelet d'un nœud (configuration dynamique du kubelet). Obsolète depuis Kubernetes 1.22 et sans effet : configure plutôt le kubelet par son fichier de configuration sur le nœud.",
    chapter: 'architecture',
    properties: {
      kubeletConfigKey: {
        text: 'Clé du ConfigMap qui contenait la structure `KubeletConfiguration`. Obsolète, comme toute la configuration dynamique du kubelet.',
      },
      name: { text: 'Nom du ConfigMap référencé. Obsolète.' },
      namespace: { text: 'Namespace du ConfigMap référencé. Obsolète.' },
      resourceVersion: {
        text: '`resourceVersion` du ConfigMap référencé ; interdit dans `spec`, il ne figurait que dans le statut. Obsolète.',
      },
      uid: {
        text: 'UID du ConfigMap référencé ; interdit dans `spec`, il ne figurait que dans le statut. Obsolète.',
      },
    },
  },
  'core.v1.ContainerImage': {
    text: 'Une image de conteneur présente sur un nœud, listée dans le statut du Node. Remplie par Kubernetes (lecture seule).',
    chapter: 'architecture',
    properties: {
      names: {
        text: "Noms sous lesquels l'image est connue sur le nœud : références avec tag ou digest (par exemple `nginx:1.27` ou `docker.io/library/nginx@sha256:...`).",
      },
      sizeBytes: { text: "Taille de l'image, en octets." },
    },
  },
  'core.v1.DaemonEndpoint': {
    text: "Un point d'accès réseau ouvert par un démon qui tourne sur le nœud, comme le kubelet.",
    chapter: 'architecture',
    properties: {
      Port: { text: 'Numéro de port sur lequel le démon écoute (en général 10250 pour le kubelet).' },
    },
  },
  'core.v1.Node': {
    text: "Un nœud est une machine (physique ou virtuelle) du cluster sur laquelle le kubelet fait tourner des Pods. L'objet Node est en général créé par le kubelet lui-même quand il s'enregistre auprès de l'API server ; `kubectl get nodes` liste les nœuds.",
    chapter: 'architecture',
    properties: {
      apiVersion: {
        text: "Version de l'API utilisée pour décrire l'objet : `v1` pour un Node (groupe principal).",
        chapter: 'api-kubectl',
      },
      kind: { text: "Type de l'objet : `Node`.", chapter: 'api-kubectl' },
      metadata: {
        text: 'Métadonnées standard du nœud : nom (souvent le nom de la machine), labels (`kubernetes.io/hostname`, `topology.kubernetes.io/zone`…) et annotations.',
        chapter: 'api-kubectl',
      },
      spec: {
        text: "Configuration du nœud : plage d'adresses IP de ses Pods, taints, et possibilité ou non d'y placer de nouveaux Pods.",
      },
      status: {
        text: 'État observé du nœud, rempli par le kubelet et le contrôleur des nœuds (lecture seule) : conditions (`Ready`…), capacité, adresses, versions des logiciels, images présentes.',
      },
    },
  },
  'core.v1.NodeAddress': {
    text: 'Une adresse à laquelle le nœud est joignable, avec son type.',
    chapter: 'architecture',
    properties: {
      address: { text: "L'adresse elle-même : une IP ou un nom d'hôte." },
      type: {
        text: "Type d'adresse : `InternalIP` (IP dans le réseau du cluster), `ExternalIP` (IP joignable de l'extérieur), `Hostname`, ou encore `InternalDNS` et `ExternalDNS`.",
      },
    },
  },
  'core.v1.NodeAffinity': {
    text: "Règles d'affinité de nœud : elles désignent, d'après leurs labels, les nœuds acceptables ou préférés pour le Pod. Le suffixe `IgnoredDuringExecution` signifie que les règles ne comptent qu'au placement : un Pod déjà lancé n'est pas déplacé si les labels du nœud changent.",
    chapter: 'avance',
    properties: {
      preferredDuringSchedulingIgnoredDuringExecution: {
        text: "Préférences souples : le scheduler favorise les nœuds qui les respectent, mais peut en choisir un autre. Chaque préférence a un poids (`weight`) et le nœud qui obtient la plus grande somme de poids l'emporte.",
        example: `preferredDuringSchedulingIgnoredDuringExecution:
  - weight: 50
    preference:
      matchExpressions:
        - key: topology.kubernetes.io/zone
          operator: In
          values: [europe-west1-b]`,
      },
      requiredDuringSchedulingIgnoredDuringExecution: {
        text: "Conditions obligatoires : si aucun nœud ne les remplit, le Pod reste en `Pending`. Si elles cessent d'être vraies après le démarrage du Pod, celui-ci continue en général de tourner sur son nœud.",
      },
    },
  },
  'core.v1.NodeCondition': {
    text: "Une condition qui décrit un aspect de la santé du nœud, comme `Ready`, `MemoryPressure`, `DiskPressure`, `PIDPressure` ou `NetworkUnavailable`. Remplie par Kubernetes (lecture seule) ; `kubectl describe node` l'affiche.",
    chapter: 'architecture',
    properties: {
      lastHeartbeatTime: {
        text: 'Dernière fois que le kubelet a mis à jour cette condition ; une date ancienne signale un nœud qui ne donne plus de nouvelles.',
      },
      lastTransitionTime: {
        text: 'Moment où la condition a changé de statut pour la dernière fois (par exemple de `True` à `False`).',
      },
      message: { text: 'Message lisible qui détaille la dernière transition.' },
      reason: {
        text: 'Raison courte, en CamelCase, de la dernière transition (par exemple `KubeletReady`).',
      },
      status: {
        text: "Statut de la condition : `True`, `False` ou `Unknown`. Pour `Ready`, `Unknown` signifie que le plan de contrôle n'a plus de nouvelles du kubelet.",
      },
      type: {
        text: 'Type de condition : `Ready`, `MemoryPressure`, `DiskPressure`, `PIDPressure` ou `NetworkUnavailable`.',
      },
    },
  },
  'core.v1.NodeConfigSource': {
    text: 'Source de configuration dynamique du kubelet. Obsolète depuis Kubernetes 1.22, fonctionnalité depuis supprimée : configure le kubelet par son fichier de configuration.',
    chapter: 'architecture',
    properties: {
      configMap: { text: 'Référence au ConfigMap contenant la configuration du kubelet. Obsolète.' },
    },
  },
  'core.v1.NodeConfigStatus': {
    text: "État de la configuration dynamique du kubelet assignée au nœud. Obsolète : la fonctionnalité a été supprimée et ce statut n'est plus rempli.",
    chapter: 'architecture',
    properties: {
      active: { text: 'Configuration que le kubelet utilisait réellement. Obsolète.' },
      assigned: {
        text: "Configuration que le kubelet essayait d'appliquer, après l'avoir enregistrée sur son disque. Obsolète.",
      },
      error: {
        text: "Description de l'erreur rencontrée en appliquant la configuration assignée. Obsolète.",
      },
      lastKnownGood: {
        text: "Dernière configuration jugée stable, sur laquelle le kubelet se repliait en cas d'erreur. Obsolète.",
      },
    },
  },
  'core.v1.NodeDaemonEndpoints': {
    text: 'Ports ouverts par les démons qui tournent sur le nœud. Rempli par Kubernetes (lecture seule).',
    chapter: 'architecture',
    properties: {
      kubeletEndpoint: {
        text: "Port sur lequel l'API du kubelet écoute ; l'API server s'y connecte pour `kubectl logs`, `kubectl exec` ou `kubectl port-forward`.",
      },
    },
  },
  'core.v1.NodeRuntimeHandler': {
    text: "Un runtime handler disponible sur le nœud, c'est-à-dire une configuration du runtime de conteneurs qu'un Pod peut choisir au moyen d'une RuntimeClass. Rempli par Kubernetes (lecture seule).",
    chapter: 'architecture',
    properties: {
      features: { text: 'Fonctionnalités prises en charge par ce handler.' },
      name: { text: 'Nom du handler ; vide pour le handler par défaut.' },
    },
  },
  'core.v1.NodeRuntimeHandlerFeatures': {
    text: "Fonctionnalités optionnelles prises en charge par un runtime handler du nœud.",
    chapter: 'architecture',
    properties: {
      recursiveReadOnlyMounts: {
        text: 'Vaut `true` si le handler sait monter des volumes en lecture seule de façon récursive, sous-montages compris.',
      },
    },
  },
  'core.v1.NodeSelector': {
    text: "Sélection de nœuds d'après leurs labels ou leurs champs, sous forme d'une liste de termes. Un nœud convient s'il satisfait au moins un des termes (OU logique).",
    chapter: 'avance',
    properties: {
      nodeSelectorTerms: {
        text: "Liste des termes de sélection, combinés par un OU : il suffit qu'un terme corresponde. Obligatoire.",
        example: `nodeSelectorTerms:
  - matchExpressions:
      - key: kubernetes.io/os
        operator: In
        values: [linux]`,
      },
    },
  },
  'core.v1.NodeSelectorRequirement': {
    text: 'Une condition sur un label (ou un champ) de nœud : une clé, un opérateur et, selon l\'opérateur, des valeurs.',
    chapter: 'avance',
    properties: {
      key: {
        text: 'Clé du label de nœud testé, par exemple `disktype` ou `topology.kubernetes.io/zone`.',
        example: 'key: disktype',
      },
      operator: {
        text: 'Relation entre la clé et les valeurs : `In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt` ou `Lt` (`Gt` et `Lt` comparent des nombres entiers).',
        example: `- key: disktype
  operator: In
  values: [ssd, nvme]`,
      },
      values: {
        text: 'Valeurs à comparer : liste non vide avec `In` et `NotIn`, vide avec `Exists` et `DoesNotExist`, et un seul entier avec `Gt` et `Lt`.',
      },
    },
  },
  'core.v1.NodeSelectorTerm': {
    text: 'Un terme de sélection de nœuds : toutes ses conditions doivent être vraies (ET logique). Un terme vide ne sélectionne aucun nœud.',
    chapter: 'avance',
    properties: {
      matchExpressions: {
        text: 'Conditions sur les labels du nœud, toutes obligatoires.',
        example: `- matchExpressions:
    - key: disktype
      operator: In
      values: [ssd]`,
      },
      matchFields: {
        text: "Conditions sur les champs de l'objet Node plutôt que sur ses labels ; seul `metadata.name` est pris en charge.",
      },
    },
  },
  'core.v1.NodeSpec': {
    text: "Configuration d'un nœud : plage d'adresses IP de ses Pods, identifiant chez le fournisseur cloud, taints, et possibilité ou non d'y placer des Pods.",
    chapter: 'architecture',
    properties: {
      configSource: {
        text: 'Obsolète : servait à la configuration dynamique du kubelet, une fonctionnalité supprimée. Ne pas utiliser.',
      },
      externalID: {
        text: "Obsolète et plus utilisé ; l'identifiant du nœud chez le fournisseur cloud se trouve dans `providerID`.",
      },
      podCIDR: {
        text: "Plage d'adresses IP attribuée au nœud pour ses Pods (par exemple `10.244.1.0/24`), en général renseignée par le plan de contrôle.",
      },
      podCIDRs: {
        text: "Plages d'adresses IP attribuées aux Pods du nœud : au plus une IPv4 et une IPv6 (double pile). La première doit être égale à `podCIDR`.",
      },
      providerID: {
        text: "Identifiant du nœud chez le fournisseur cloud, au format `<fournisseur>://<identifiant>` (par exemple `aws:///eu-west-3a/i-0abc123`).",
      },
      taints: {
        text: "Taints posées sur le nœud : elles repoussent les Pods qui ne les tolèrent pas. On les ajoute en général avec `kubectl taint nodes <nœud> clé=valeur:NoSchedule`.",
        chapter: 'avance',
        example: `taints:
  - key: dedie
    value: gpu
    effect: NoSchedule`,
      },
      unschedulable: {
        text: "Si `true`, le scheduler ne place plus de nouveaux Pods sur ce nœud ; ceux qui y tournent déjà restent. C'est ce que fait `kubectl cordon` avant une maintenance (`kubectl uncordon` pour revenir en arrière).",
        default: 'false',
      },
    },
  },
  'core.v1.NodeStatus': {
    text: "État observé d'un nœud, rempli par le kubelet et les contrôleurs (lecture seule) : santé, ressources, adresses, informations système, images présentes. `kubectl describe node` en donne une vue lisible.",
    chapter: 'architecture',
    properties: {
      addresses: {
        text: "Adresses du nœud (IP interne, IP externe, nom d'hôte). Elles peuvent changer au cours de la vie du nœud.",
      },
      allocatable: {
        text: "Ressources du nœud réellement disponibles pour les Pods : la capacité moins la part réservée au système et au kubelet. Le scheduler compare les `requests` des Pods à ces valeurs.",
        default: 'la valeur de `capacity`',
        chapter: 'avance',
      },
      capacity: {
        text: 'Ressources totales du nœud : CPU, mémoire, stockage éphémère, nombre maximal de Pods…',
      },
      conditions: {
        text: "Conditions de santé du nœud (`Ready`, `MemoryPressure`, `DiskPressure`…). Un nœud dont la condition `Ready` n'est pas `True` ne reçoit en principe plus de nouveaux Pods.",
      },
      config: {
        text: 'Statut de la configuration dynamique du kubelet. Obsolète : la fonctionnalité a été supprimée.',
      },
      daemonEndpoints: {
        text: 'Ports des démons qui tournent sur le nœud, en particulier celui du kubelet.',
      },
      images: { text: 'Images de conteneurs déjà présentes sur le nœud, avec leur taille.' },
      nodeInfo: {
        text: "Informations système du nœud : système d'exploitation, architecture, noyau, versions du kubelet et du runtime de conteneurs. `kubectl get nodes -o wide` en affiche une partie.",
      },
      phase: {
        text: "Phase du cycle de vie du nœud. Obsolète : ce champ n'est jamais rempli ; regarde plutôt la condition `Ready`.",
      },
      runtimeHandlers: {
        text: 'Runtime handlers disponibles sur le nœud, utilisables au moyen d\'une RuntimeClass.',
      },
      volumesAttached: {
        text: 'Volumes attachés au nœud, par exemple des disques cloud.',
        chapter: 'volumes',
      },
      volumesInUse: {
        text: 'Volumes attachables actuellement montés et utilisés par des Pods du nœud.',
        chapter: 'volumes',
      },
    },
  },
  'core.v1.NodeSystemInfo': {
    text: "Informations d'identité et de version rapportées par le nœud. Remplies par le kubelet (lecture seule).",
    chapter: 'architecture',
    properties: {
      architecture: { text: 'Architecture du processeur du nœud, par exemple `amd64` ou `arm64`.' },
      bootID: {
        text: 'Identifiant du démarrage en cours de la machine ; il change à chaque redémarrage du nœud.',
      },
      containerRuntimeVersion: {
        text: 'Runtime de conteneurs du nœud et sa version, par exemple `containerd://1.7.13`.',
      },
      kernelVersion: {
        text: 'Version du noyau Linux du nœud, telle que donnée par `uname -r`.',
      },
      kubeProxyVersion: {
        text: 'Version de kube-proxy rapportée par le nœud. En pratique, le kubelet y inscrit sa propre version ; ce champ est abandonné dans les versions suivantes de Kubernetes.',
      },
      kubeletVersion: { text: 'Version du kubelet du nœud, par exemple `v1.30.2`.' },
      machineID: {
        text: "Identifiant unique de la machine (fichier `/etc/machine-id`) ; c'est l'identifiant à préférer pour distinguer les machines du cluster.",
      },
      operatingSystem: { text: "Système d'exploitation du nœud : `linux` ou `windows`." },
      osImage: {
        text: 'Nom de la distribution du nœud, lu dans `/etc/os-release` (par exemple `Ubuntu 22.04.4 LTS`).',
      },
      systemUUID: {
        text: 'UUID matériel de la machine, fourni par le firmware. Pour identifier une machine, `machineID` est préférable.',
      },
    },
  },
  'core.v1.PodAffinity': {
    text: "Règles d'affinité entre Pods : placer ce Pod dans le même domaine (nœud, zone…) que d'autres Pods désignés par leurs labels.",
    chapter: 'avance',
    properties: {
      preferredDuringSchedulingIgnoredDuringExecution: {
        text: 'Affinités souhaitées mais pas obligatoires : chaque terme a un poids de 1 à 100, et le scheduler favorise les nœuds qui totalisent le plus de poids.',
      },
      requiredDuringSchedulingIgnoredDuringExecution: {
        text: "Affinités obligatoires : le Pod n'est placé que sur un nœud qui satisfait tous les termes de la liste ; sinon il reste en `Pending`.",
        example: `podAffinity:
  requiredDuringSchedulingIgnoredDuringExecution:
    - labelSelector:
        matchLabels:
          app: cache
      topologyKey: kubernetes.io/hostname`,
      },
    },
  },
  'core.v1.PodAffinityTerm': {
    text: "Désigne un groupe de Pods (par un sélecteur de labels et des namespaces) et un domaine de topologie. En affinité, le Pod doit tourner dans le même domaine que ces Pods ; en anti-affinité, dans un domaine différent.",
    chapter: 'avance',
    properties: {
      labelSelector: {
        text: "Sélecteur des Pods visés par la règle. S'il est absent, le terme ne correspond à aucun Pod.",
        example: `labelSelector:
  matchLabels:
    app: web`,
      },
      matchLabelKeys: {
        text: "Clés de labels dont les valeurs sont reprises du Pod à placer et ajoutées au `labelSelector` (`clé in (valeur)`), par exemple `pod-template-hash` pour ne considérer que les Pods de la même révision. Champ alpha en 1.30 (feature gate `MatchLabelKeysInPodAffinity`).",
      },
      mismatchLabelKeys: {
        text: "Comme `matchLabelKeys`, mais avec des conditions `clé notin (valeur)` : seuls les Pods dont la valeur diffère de celle du Pod à placer sont pris en compte. Champ alpha en 1.30 (feature gate `MatchLabelKeysInPodAffinity`).",
      },
      namespaceSelector: {
        text: 'Choisit par leurs labels les namespaces où chercher les Pods, en plus de ceux listés dans `namespaces`. Un sélecteur vide (`{}`) désigne tous les namespaces.',
        default: 'le namespace du Pod (si `namespaces` est aussi vide)',
      },
      namespaces: {
        text: 'Noms des namespaces où chercher les Pods, en plus de ceux choisis par `namespaceSelector`.',
        default: 'le namespace du Pod (si `namespaceSelector` est absent)',
      },
      topologyKey: {
        text: "Clé d'un label de nœud qui définit le domaine : les nœuds qui ont la même valeur pour ce label sont considérés comme au même endroit. `kubernetes.io/hostname` signifie « le même nœud », `topology.kubernetes.io/zone` « la même zone ». Obligatoire.",
        example: 'topologyKey: kubernetes.io/hostname',
      },
    },
  },
  'core.v1.PodAntiAffinity': {
    text: "Règles d'anti-affinité entre Pods : éviter de placer ce Pod dans le même domaine (nœud, zone…) que d'autres Pods désignés par leurs labels. Sert surtout à répartir les réplicas d'une application.",
    chapter: 'avance',
    properties: {
      preferredDuringSchedulingIgnoredDuringExecution: {
        text: "Anti-affinités souhaitées : le scheduler évite si possible les domaines où tournent les Pods visés, mais s'y résout s'il n'a pas le choix. Chaque terme a un poids de 1 à 100.",
        example: `podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        labelSelector:
          matchLabels:
            app: web
        topologyKey: kubernetes.io/hostname`,
      },
      requiredDuringSchedulingIgnoredDuringExecution: {
        text: "Anti-affinités obligatoires : le Pod n'est jamais placé dans un domaine où tourne déjà un Pod visé. Attention : avec `kubernetes.io/hostname`, il faut au moins autant de nœuds que de réplicas, sinon les réplicas en trop restent en `Pending`.",
      },
    },
  },
  'core.v1.PodSecurityContext': {
    text: "Réglages de sécurité au niveau du Pod (`spec.securityContext`) : utilisateur et groupes Linux, propriété des volumes, profils seccomp et AppArmor, sysctls. Ils s'appliquent à tous les conteneurs ; un même réglage fait dans le `securityContext` d'un conteneur l'emporte.",
    chapter: 'avance',
    properties: {
      appArmorProfile: {
        text: 'Profil AppArmor appliqué à tous les conteneurs du Pod. Interdit si `spec.os.name` vaut `windows`.',
      },
      fsGroup: {
        text: "Groupe (GID) ajouté à tous les conteneurs et donné comme propriétaire aux volumes qui le permettent : les fichiers du volume deviennent lisibles et modifiables par ce groupe. Sans ce champ, le kubelet ne touche pas aux droits des volumes.",
        example: 'securityContext:\n  fsGroup: 2000',
      },
      fsGroupChangePolicy: {
        text: "Quand changer la propriété et les droits des volumes : `Always` (à chaque montage) ou `OnRootMismatch` (seulement si la racine du volume n'a pas déjà les bons droits, ce qui accélère le démarrage avec de gros volumes). Sans effet sur les volumes éphémères comme secret, configMap ou emptyDir.",
        default: 'Always',
      },
      runAsGroup: {
        text: 'GID principal des processus de tous les conteneurs. Sans ce champ, le runtime de conteneurs utilise son groupe par défaut.',
      },
      runAsNonRoot: {
        text: "Si `true`, le kubelet refuse de démarrer un conteneur qui tournerait en root (UID 0) : le conteneur reste en erreur `CreateContainerConfigError`. Une bonne pratique à activer.",
        default: 'false',
        example: 'securityContext:\n  runAsNonRoot: true',
      },
      runAsUser: {
        text: "UID avec lequel tournent les processus de tous les conteneurs. Sans ce champ, c'est l'utilisateur défini dans l'image (instruction `USER` du Dockerfile).",
        default: "l'utilisateur défini dans l'image",
        example: 'securityContext:\n  runAsUser: 1000',
      },
      seLinuxOptions: {
        text: 'Contexte SELinux appliqué à tous les conteneurs. Sans ce champ, le runtime attribue un contexte aléatoire à chaque conteneur.',
      },
      seccompProfile: {
        text: 'Profil seccomp (filtrage des appels système) de tous les conteneurs du Pod. `RuntimeDefault` est un bon choix de départ.',
        example: 'securityContext:\n  seccompProfile:\n    type: RuntimeDefault',
      },
      supplementalGroups: {
        text: 'Groupes (GID) supplémentaires donnés au premier processus de chaque conteneur, en plus de son groupe principal et de `fsGroup`.',
      },
      sysctls: {
        text: "Paramètres du noyau (sysctls) propres au Pod, réglés à son démarrage. Seuls les sysctls isolés par namespace sont permis, et ceux jugés non sûrs doivent être autorisés sur le kubelet ; sinon le Pod ne démarre pas.",
        example: `securityContext:
  sysctls:
    - name: net.ipv4.ip_local_port_range
      value: "1024 65535"`,
      },
      windowsOptions: {
        text: 'Réglages propres à Windows, appliqués à tous les conteneurs. Interdit si `spec.os.name` vaut `linux`.',
      },
    },
  },
  'core.v1.PreferredSchedulingTerm': {
    text: "Une préférence de nœud pondérée, utilisée dans `preferredDuringSchedulingIgnoredDuringExecution` de l'affinité de nœud.",
    chapter: 'avance',
    properties: {
      preference: { text: 'Terme de sélection de nœuds (conditions sur les labels) à favoriser.' },
      weight: {
        text: 'Poids de la préférence, de 1 à 100 : plus il est élevé, plus les nœuds qui la satisfont sont favorisés.',
        example: 'weight: 50',
      },
    },
  },
  'core.v1.SELinuxOptions': {
    text: 'Labels SELinux appliqués à un conteneur. Utile surtout sur les distributions où SELinux est actif (RHEL, Fedora…).',
    chapter: 'avance',
    properties: {
      level: { text: 'Niveau SELinux (MLS/MCS), par exemple `s0:c123,c456`.' },
      role: { text: 'Rôle SELinux.' },
      type: { text: 'Type SELinux, par exemple `container_t`.' },
      user: { text: 'Utilisateur SELinux, par exemple `system_u`.' },
    },
  },
  'core.v1.SeccompProfile': {
    text: "Choisit le profil seccomp d'un Pod ou d'un conteneur. Seccomp filtre les appels système que les processus peuvent adresser au noyau, ce qui réduit la surface d'attaque.",
    chapter: 'avance',
    properties: {
      localhostProfile: {
        text: 'Chemin du fichier de profil sur le nœud, relatif au dossier seccomp du kubelet. Obligatoire si `type` vaut `Localhost`, interdit sinon.',
      },
      type: {
        text: 'Type de profil : `RuntimeDefault` (profil par défaut du runtime, recommandé), `Localhost` (fichier présent sur le nœud) ou `Unconfined` (aucun filtrage).',
        example: 'seccompProfile:\n  type: RuntimeDefault',
      },
    },
  },
  'core.v1.SecurityContext': {
    text: "Réglages de sécurité d'un conteneur (`securityContext` du conteneur) : utilisateur, privilèges, capabilities, système de fichiers en lecture seule… Quand un même réglage existe aussi au niveau du Pod, celui du conteneur l'emporte.",
    chapter: 'avance',
    properties: {
      allowPrivilegeEscalation: {
        text: "Indique si un processus peut obtenir plus de privilèges que son parent (par exemple via un binaire setuid). Mets `false` par bonne pratique ; la valeur est forcément `true` si le conteneur est privilégié ou possède la capability `SYS_ADMIN`.",
        default: 'true',
        example: 'securityContext:\n  allowPrivilegeEscalation: false',
      },
      appArmorProfile: {
        text: 'Profil AppArmor de ce conteneur ; il remplace celui défini au niveau du Pod.',
      },
      capabilities: {
        text: 'Capabilities Linux à ajouter ou à retirer pour ce conteneur.',
        default: "l'ensemble par défaut du runtime de conteneurs",
        example: `securityContext:
  capabilities:
    drop: ["ALL"]`,
      },
      privileged: {
        text: "Lance le conteneur en mode privilégié : ses processus ont pratiquement les mêmes droits que root sur le nœud. À réserver aux outils système (réseau, stockage).",
        default: 'false',
      },
      procMount: {
        text: "Type de montage de `/proc` : `Default` masque certains chemins sensibles et en met d'autres en lecture seule, `Unmasked` ne masque rien. Nécessite la feature gate `ProcMountType`.",
        default: 'Default',
      },
      readOnlyRootFilesystem: {
        text: "Si `true`, le système de fichiers racine du conteneur est en lecture seule : l'application ne peut écrire que dans des volumes montés (par exemple un `emptyDir` pour `/tmp`). Une bonne pratique de sécurité.",
        default: 'false',
        example: 'securityContext:\n  readOnlyRootFilesystem: true',
      },
      runAsGroup: {
        text: 'GID principal des processus du conteneur ; prioritaire sur la valeur du Pod. Sans valeur nulle part, le runtime de conteneurs utilise son groupe par défaut.',
      },
      runAsNonRoot: {
        text: "Si `true`, le kubelet refuse de démarrer le conteneur s'il devait tourner en root (UID 0). Prioritaire sur la valeur du Pod.",
        default: 'false',
        example: 'securityContext:\n  runAsNonRoot: true',
      },
      runAsUser: {
        text: "UID des processus du conteneur ; prioritaire sur la valeur du Pod. Sans valeur nulle part, c'est l'utilisateur défini dans l'image.",
        default: "l'utilisateur défini dans l'image",
        example: 'securityContext:\n  runAsUser: 1000',
      },
      seLinuxOptions: { text: 'Contexte SELinux du conteneur ; prioritaire sur la valeur du Pod.' },
      seccompProfile: {
        text: 'Profil seccomp du conteneur ; il remplace celui défini au niveau du Pod.',
      },
      windowsOptions: {
        text: 'Réglages propres à Windows pour ce conteneur, prioritaires sur ceux du Pod. Interdit si `spec.os.name` vaut `linux`.',
      },
    },
  },
  'core.v1.Sysctl': {
    text: 'Un paramètre du noyau Linux (sysctl) à régler pour le Pod.',
    chapter: 'avance',
    properties: {
      name: { text: 'Nom du sysctl, par exemple `net.ipv4.ip_local_port_range`.' },
      value: { text: 'Valeur à donner au sysctl, toujours sous forme de chaîne.' },
    },
  },
  'core.v1.Taint': {
    text: "Une taint (« souillure ») posée sur un nœud : elle repousse les Pods qui n'ont pas de toleration correspondante. Sert à réserver des nœuds (GPU, équipe dédiée) ou à signaler un problème (`node.kubernetes.io/not-ready`).",
    chapter: 'avance',
    properties: {
      effect: {
        text: 'Effet sur les Pods qui ne tolèrent pas la taint : `NoSchedule` (aucun nouveau placement), `PreferNoSchedule` (placement évité si possible) ou `NoExecute` (placement interdit et Pods déjà présents expulsés). Obligatoire.',
        example: 'effect: NoSchedule',
      },
      key: {
        text: 'Clé de la taint, par exemple `dedie` ou `node.kubernetes.io/unreachable`. Obligatoire.',
      },
      timeAdded: {
        text: "Date d'ajout de la taint, renseignée par Kubernetes uniquement pour les taints `NoExecute`.",
      },
      value: { text: 'Valeur associée à la clé (facultative).' },
    },
  },
  'core.v1.Toleration': {
    text: "Une toleration permet au Pod d'être placé sur un nœud qui porte une taint correspondante, ou d'y rester. Elle n'oblige pas le Pod à aller sur ce nœud : pour cela, combine-la avec une affinité de nœud ou un `nodeSelector`.",
    chapter: 'avance',
    properties: {
      effect: {
        text: "Effet de taint toléré : `NoSchedule`, `PreferNoSchedule` ou `NoExecute`. S'il est vide, la toleration s'applique à tous les effets.",
        example: 'effect: NoSchedule',
      },
      key: {
        text: 'Clé de la taint tolérée. Une clé vide, avec `operator: Exists`, tolère toutes les taints.',
        example: `tolerations:
  - key: dedie
    operator: Equal
    value: gpu
    effect: NoSchedule`,
      },
      operator: {
        text: "Comparaison avec la valeur de la taint : `Equal` (même valeur) ou `Exists` (n'importe quelle valeur ; `value` doit alors rester vide).",
        default: 'Equal',
        example: 'operator: Exists',
      },
      tolerationSeconds: {
        text: "Pour une taint `NoExecute` uniquement : durée, en secondes, pendant laquelle le Pod peut rester sur le nœud après l'apparition de la taint avant d'être expulsé. Absent, le Pod reste indéfiniment ; 0 ou moins, il est expulsé tout de suite. Kubernetes ajoute d'office aux Pods des tolerations de 300 secondes pour `not-ready` et `unreachable`.",
        example: `- key: node.kubernetes.io/unreachable
  operator: Exists
  effect: NoExecute
  tolerationSeconds: 60`,
      },
      value: {
        text: "Valeur de la taint à tolérer avec l'opérateur `Equal` ; doit rester vide avec `Exists`.",
      },
    },
  },
  'core.v1.TopologySpreadConstraint': {
    text: "Règle de répartition des Pods entre des domaines de topologie (nœuds, zones…) : elle limite l'écart de nombre de Pods entre le domaine le plus chargé et le moins chargé, pour mieux résister aux pannes.",
    chapter: 'avance',
    properties: {
      labelSelector: {
        text: 'Sélecteur des Pods comptés dans chaque domaine ; en général les mêmes labels que ceux du Pod lui-même.',
        example: `topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: topology.kubernetes.io/zone
    whenUnsatisfiable: DoNotSchedule
    labelSelector:
      matchLabels:
        app: web`,
      },
      matchLabelKeys: {
        text: 'Clés de labels dont les valeurs sont reprises du Pod à placer et ajoutées au `labelSelector`. Avec `pod-template-hash`, seuls les Pods de la même révision d\'un Deployment sont comptés. Champ bêta, activé par défaut.',
      },
      maxSkew: {
        text: "Écart maximal toléré entre le nombre de Pods visés dans un domaine et dans le domaine qui en a le moins. Avec `maxSkew: 1` sur 3 zones, le scheduler accepte d'aller vers une répartition 2/2/1 mais pas vers 3/1/1. Obligatoire, au moins 1.",
        example: 'maxSkew: 1',
      },
      minDomains: {
        text: "Nombre minimal de domaines éligibles attendus. S'il y en a moins, le minimum global est compté comme 0, ce qui empêche d'entasser trop de Pods dans les domaines existants. Utilisable seulement avec `whenUnsatisfiable: DoNotSchedule`.",
        default: '1',
      },
      nodeAffinityPolicy: {
        text: "Indique si l'affinité de nœud et le `nodeSelector` du Pod limitent les nœuds pris en compte dans le calcul : `Honor` (seuls les nœuds compatibles comptent) ou `Ignore` (tous les nœuds comptent).",
        default: 'Honor',
      },
      nodeTaintsPolicy: {
        text: 'Indique si les taints des nœuds sont prises en compte dans le calcul : `Honor` (les nœuds avec une taint que le Pod ne tolère pas sont exclus) ou `Ignore` (tous les nœuds comptent).',
        default: 'Ignore',
      },
      topologyKey: {
        text: 'Clé du label de nœud qui définit les domaines : `kubernetes.io/hostname` pour répartir par nœud, `topology.kubernetes.io/zone` pour répartir par zone. Obligatoire.',
        example: 'topologyKey: topology.kubernetes.io/zone',
      },
      whenUnsatisfiable: {
        text: 'Que faire si la contrainte ne peut pas être respectée : `DoNotSchedule` laisse le Pod en `Pending`, `ScheduleAnyway` le place quand même en privilégiant les domaines qui réduisent l\'écart. Obligatoire.',
        example: 'whenUnsatisfiable: ScheduleAnyway',
      },
    },
  },
  'core.v1.WeightedPodAffinityTerm': {
    text: "Un terme d'affinité (ou d'anti-affinité) entre Pods associé à un poids, utilisé dans les règles `preferredDuringSchedulingIgnoredDuringExecution`. Pour chaque nœud, le scheduler additionne les poids des termes satisfaits.",
    chapter: 'avance',
    properties: {
      podAffinityTerm: {
        text: "Le terme d'affinité : quels Pods (labels, namespaces) et quel domaine (`topologyKey`). Obligatoire.",
      },
      weight: { text: 'Poids du terme, de 1 à 100.', example: 'weight: 100' },
    },
  },
  'core.v1.WindowsSecurityContextOptions': {
    text: 'Options de sécurité propres aux conteneurs Windows : compte de service géré (GMSA), conteneurs HostProcess, utilisateur Windows.',
    chapter: 'avance',
    properties: {
      gmsaCredentialSpec: {
        text: "Contenu de la spécification d'identifiants GMSA (compte de service géré de groupe Active Directory), recopié ici par le webhook d'admission GMSA à partir de `gmsaCredentialSpecName`.",
      },
      gmsaCredentialSpecName: {
        text: "Nom de la spécification d'identifiants GMSA à utiliser.",
      },
      hostProcess: {
        text: "Si `true`, le conteneur tourne comme un processus de l'hôte Windows (conteneur HostProcess), avec un accès direct au nœud. Tous les conteneurs du Pod doivent avoir la même valeur et le Pod doit utiliser `hostNetwork: true`.",
      },
      runAsUserName: {
        text: "Nom de l'utilisateur Windows qui lance le processus du conteneur ; la valeur du conteneur l'emporte sur celle du Pod.",
        default: "l'utilisateur défini dans l'image",
      },
    },
  },
  'meta.v1.Condition': {
    text: "Forme standard d'une condition dans le statut d'une ressource : un aspect de son état (`Available`, `Ready`…) avec un statut `True`, `False` ou `Unknown` et une explication. Remplie par les contrôleurs (lecture seule) ; c'est un bon point de départ pour un diagnostic.",
    chapter: 'quotidien',
    properties: {
      lastTransitionTime: {
        text: 'Moment où le statut de la condition a changé pour la dernière fois.',
      },
      message: {
        text: 'Message lisible qui explique la dernière transition ; il peut être vide.',
      },
      observedGeneration: {
        text: "Valeur de `metadata.generation` prise en compte quand la condition a été calculée. Si elle est inférieure à la génération actuelle de l'objet, la condition ne reflète pas encore la dernière modification.",
      },
      reason: {
        text: 'Raison de la dernière transition : un identifiant court en CamelCase, jamais vide, pratique pour filtrer ou automatiser.',
      },
      status: { text: 'Statut de la condition : `True`, `False` ou `Unknown`.' },
      type: {
        text: "Nom de la condition, en CamelCase (par exemple `Ready` ou `AbleToScale`), éventuellement préfixé d'un domaine (`foo.example.com/MaCondition`).",
      },
    },
  },
  'meta.v1.FieldsV1': {
    text: "Ensemble de champs d'un objet, encodé en JSON sous forme d'arbre (`f:metadata`, `f:labels`…). Utilisé dans `managedFields` pour savoir quel gestionnaire possède quels champs ; c'est interne à Kubernetes, tu n'as pas à l'écrire.",
    chapter: 'api-kubectl',
    properties: {},
  },
  'meta.v1.LabelSelector': {
    text: "Un sélecteur de labels : une requête qui choisit des objets (souvent des Pods) d'après leurs labels. Les conditions de `matchLabels` et de `matchExpressions` doivent toutes être vraies ; un sélecteur vide (`{}`) sélectionne tous les objets, alors qu'un sélecteur absent n'en sélectionne aucun.",
    chapter: 'ressources',
    properties: {
      matchExpressions: {
        text: 'Conditions plus riches sur les labels, avec un opérateur (`In`, `NotIn`, `Exists`, `DoesNotExist`). Elles doivent toutes être vraies.',
        example: `matchExpressions:
  - key: tier
    operator: In
    values: [frontend, backend]`,
      },
      matchLabels: {
        text: "Paires clé/valeur que les labels de l'objet doivent toutes contenir. C'est la forme la plus courante, par exemple dans le `selector` d'un Deployment, qui doit correspondre aux labels du template de Pod.",
        example: 'matchLabels:\n  app: nginx',
      },
    },
  },
  'meta.v1.LabelSelectorRequirement': {
    text: "Une condition d'un sélecteur de labels : une clé, un opérateur et, selon l'opérateur, des valeurs.",
    chapter: 'ressources',
    properties: {
      key: { text: 'Clé du label testé, par exemple `app` ou `tier`.' },
      operator: {
        text: "Opérateur : `In` (la valeur du label est dans la liste), `NotIn` (elle n'y est pas), `Exists` (le label existe) ou `DoesNotExist` (il n'existe pas).",
        example: `- key: environment
  operator: NotIn
  values: [dev]`,
      },
      values: {
        text: 'Valeurs à comparer : liste non vide avec `In` et `NotIn`, vide avec `Exists` et `DoesNotExist`.',
      },
    },
  },
  'meta.v1.ManagedFieldsEntry': {
    text: "Une entrée de `managedFields` : elle indique quel gestionnaire (kubectl, un contrôleur…) a écrit quels champs de l'objet. Elle sert au server-side apply pour détecter les conflits ; c'est de la tenue interne, remplie par Kubernetes.",
    chapter: 'api-kubectl',
    properties: {
      apiVersion: {
        text: "Version d'API (`groupe/version`) dans laquelle les champs listés sont exprimés.",
      },
      fieldsType: { text: 'Format de `fieldsV1` ; la seule valeur possible est `FieldsV1`.' },
      fieldsV1: { text: 'Ensemble des champs possédés par ce gestionnaire, au format FieldsV1.' },
      manager: {
        text: 'Nom du gestionnaire qui possède ces champs, par exemple `kubectl-client-side-apply`, `kubectl` ou `kube-controller-manager`.',
      },
      operation: {
        text: "Type d'opération qui a créé l'entrée : `Apply` (server-side apply) ou `Update` (création ou modification classique).",
      },
      subresource: {
        text: "Sous-ressource par laquelle l'objet a été modifié (par exemple `status` ou `scale`) ; vide si c'est la ressource principale.",
      },
      time: { text: 'Date de la dernière modification de cette entrée.' },
    },
  },
  'meta.v1.MicroTime': {
    text: 'Horodatage précis à la microseconde, au format RFC 3339 (par exemple `2024-05-01T12:00:00.123456Z`). Utilisé notamment par les Events et les Leases.',
    chapter: 'api-kubectl',
    properties: {},
  },
  'meta.v1.ObjectMeta': {
    text: "Métadonnées communes à tous les objets (`metadata`) : nom, namespace, labels, annotations, plus des champs remplis par le système (UID, dates, versions). Tu écris surtout `name`, `namespace`, `labels` et `annotations` ; le reste est géré par Kubernetes.",
    chapter: 'api-kubectl',
    properties: {
      annotations: {
        text: "Paires clé/valeur libres pour attacher à l'objet des informations qui ne servent pas à l'identifier (description, cause d'un déploiement, réglages lus par un outil ou un Ingress controller…). Contrairement aux labels, elles ne permettent pas de sélectionner des objets.",
        example: `metadata:
  annotations:
    kubernetes.io/change-cause: "passage à nginx 1.27"`,
      },
      creationTimestamp: {
        text: "Date de création de l'objet, fixée par le serveur (lecture seule) ; `kubectl get` l'affiche sous forme d'âge dans la colonne AGE.",
      },
      deletionGracePeriodSeconds: {
        text: "Délai en secondes accordé à l'objet pour s'arrêter proprement avant d'être supprimé. Rempli par Kubernetes (lecture seule) quand une suppression est demandée.",
      },
      deletionTimestamp: {
        text: "Date à partir de laquelle l'objet sera supprimé, fixée par Kubernetes (lecture seule) quand une suppression est demandée. Tant qu'il reste des `finalizers`, l'objet n'est pas effacé ; un Pod apparaît alors en `Terminating`.",
      },
      finalizers: {
        text: "Identifiants de composants qui doivent faire un nettoyage avant la suppression de l'objet. Tant que la liste n'est pas vide, l'objet reste en cours de suppression ; un finalizer dont le contrôleur a disparu peut donc bloquer une suppression.",
      },
      generateName: {
        text: 'Préfixe utilisé par le serveur pour générer un nom unique quand `name` est absent (par exemple `test-` donne `test-x7k2p`). Fonctionne avec `kubectl create`, pas avec `kubectl apply`.',
        example: 'metadata:\n  generateName: test-',
      },
      generation: {
        text: "Numéro de version de l'état désiré, incrémenté par Kubernetes à chaque modification de la `spec` (lecture seule).",
      },
      labels: {
        text: "Paires clé/valeur qui servent à organiser et à sélectionner les objets : un Service ou un Deployment retrouve ses Pods grâce à leurs labels. Des clés courantes sont `app`, `tier` ou `environment`.",
        chapter: 'ressources',
        example: 'metadata:\n  labels:\n    app: nginx\n    tier: frontend',
      },
      managedFields: {
        text: "Qui a modifié quels champs de l'objet, pour le server-side apply. Tenue interne remplie par Kubernetes ; `kubectl get -o yaml` la masque par défaut.",
      },
      name: {
        text: "Nom de l'objet, unique parmi les objets du même type dans un namespace. Obligatoire à la création (sauf avec `generateName`) et non modifiable ; en général en minuscules, chiffres et tirets.",
        example: 'metadata:\n  name: nginx-deployment',
      },
      namespace: {
        text: "Namespace dans lequel l'objet est créé : un nom ne doit être unique qu'à l'intérieur d'un namespace. Non modifiable. Vide pour les objets globaux au cluster (Node, Namespace, ClusterRole…).",
        default: '`default` (kubectl utilise le namespace de son contexte)',
        chapter: 'ressources',
        example: 'metadata:\n  namespace: development',
      },
      ownerReferences: {
        text: "Objets propriétaires de celui-ci, par exemple le ReplicaSet d'un Pod. Quand tous ses propriétaires sont supprimés, le ramasse-miettes (garbage collector) supprime aussi l'objet. En général rempli par les contrôleurs.",
      },
      resourceVersion: {
        text: "Version interne de l'objet, qui change à chaque modification. Remplie par Kubernetes (lecture seule) et utilisée pour détecter les modifications concurrentes et pour les `watch` ; c'est une valeur opaque, à ne pas comparer comme un nombre.",
      },
      selfLink: { text: "Obsolète : ancien lien vers l'objet dans l'API, il n'est plus rempli." },
      uid: {
        text: "Identifiant unique de l'objet dans le temps et l'espace, généré par le serveur à la création (lecture seule). Un objet recréé avec le même nom reçoit un nouvel UID.",
      },
    },
  },
  'meta.v1.OwnerReference': {
    text: "Référence vers l'objet propriétaire (par exemple le Deployment d'un ReplicaSet, ou le ReplicaSet d'un Pod). Le propriétaire doit être dans le même namespace ou global au cluster ; sa suppression entraîne celle des objets qui en dépendent.",
    chapter: 'api-kubectl',
    properties: {
      apiVersion: { text: "Version d'API du propriétaire, par exemple `apps/v1`." },
      blockOwnerDeletion: {
        text: "Si `true`, et si le propriétaire est supprimé en mode foreground, sa suppression attend que cet objet ait été supprimé. Le positionner demande le droit `delete` sur le propriétaire.",
        default: 'false',
      },
      controller: {
        text: 'Vaut `true` si le propriétaire est le contrôleur qui gère cet objet ; un objet a au plus un contrôleur.',
      },
      kind: { text: 'Type du propriétaire, par exemple `ReplicaSet`.' },
      name: { text: 'Nom du propriétaire.' },
      uid: {
        text: 'UID du propriétaire : il désigne une instance précise, même si un objet du même nom a été recréé.',
      },
    },
  },
  'meta.v1.Time': {
    text: "Date et heure au format RFC 3339, en UTC et à la seconde près (par exemple `2024-05-01T12:00:00Z`). C'est le format des champs de date de l'API, comme `creationTimestamp`.",
    chapter: 'api-kubectl',
    properties: {},
  },
};
