import type { ValueDocTable } from '../types';

/**
 * Ce que veulent dire les valeurs que l'on tape : clé `définition.propriété`, puis valeur.
 * Exemple : VALUE_DOCS['core.v1.ServiceSpec.type'].NodePort.
 */
export const VALUE_DOCS: ValueDocTable = {
  // Services et réseau
  'core.v1.ServiceSpec.type': {
    ClusterIP: "Valeur par défaut : le Service reçoit une IP virtuelle interne, joignable seulement depuis le cluster. C'est le bon choix pour la communication entre microservices.",
    NodePort: "En plus de la ClusterIP, ouvre le même port (30000-32767 par défaut) sur chaque nœud : le Service est joignable via `<IP d'un nœud>:<nodePort>`. Pratique pour tester ou sur un cluster sans répartiteur de charge.",
    LoadBalancer: "En plus d'une ClusterIP et d'un NodePort, demande au fournisseur cloud (ou à MetalLB…) un répartiteur de charge externe avec sa propre IP publique. La façon classique d'exposer un Service sur Internet dans le cloud.",
    ExternalName: "Pas d'IP ni de proxy : le nom du Service devient un alias DNS (CNAME) vers `externalName`, par exemple une base de données hébergée hors du cluster.",
  },
  'core.v1.ServiceSpec.sessionAffinity': {
    None: "Valeur par défaut : chaque connexion peut aller vers n'importe quel Pod du Service.",
    ClientIP: "Toutes les requêtes d'une même adresse IP cliente vont vers le même Pod (pendant 3 heures par défaut). Utile pour une application qui garde des sessions en mémoire.",
  },
  'core.v1.ServiceSpec.externalTrafficPolicy': {
    Cluster: "Valeur par défaut : le trafic externe reçu par un nœud peut être envoyé à un Pod de n'importe quel nœud. La charge est bien répartie, mais l'IP source du client est masquée.",
    Local: "Le trafic externe n'est envoyé qu'aux Pods du nœud qui l'a reçu : l'IP source du client est conservée et on évite un saut réseau, mais un nœud sans Pod du Service rejette ce trafic.",
  },
  'core.v1.ServiceSpec.internalTrafficPolicy': {
    Cluster: "Valeur par défaut : le trafic envoyé à la ClusterIP est réparti entre tous les Pods du Service, sur tous les nœuds.",
    Local: "Le trafic envoyé à la ClusterIP ne va qu'aux Pods situés sur le même nœud que le client ; s'il n'y en a aucun, il est abandonné. Utile avec un DaemonSet (un agent par nœud).",
  },
  'core.v1.ServiceSpec.ipFamilyPolicy': {
    SingleStack: "Valeur par défaut : une seule famille d'adresses IP (IPv4 ou IPv6).",
    PreferDualStack: "Deux familles (IPv4 et IPv6) si le cluster est configuré en double pile, sinon une seule.",
    RequireDualStack: "Deux familles (IPv4 et IPv6) obligatoirement : la création échoue si le cluster n'est pas en double pile.",
  },
  'core.v1.ServiceSpec.ipFamilies': {
    IPv4: 'Adresses IPv4, le cas le plus courant.',
    IPv6: 'Adresses IPv6, sur un cluster configuré pour IPv6 ou en double pile.',
  },
  'core.v1.ServiceSpec.trafficDistribution': {
    PreferClose: "Privilégie les Pods topologiquement proches du client (même zone), pour réduire la latence et les coûts réseau. Champ alpha en v1.30.",
  },
  'core.v1.LoadBalancerIngress.ipMode': {
    VIP: "Valeur par défaut : le trafic arrive sur le nœud avec l'IP du répartiteur de charge comme destination, et kube-proxy le prend en charge directement.",
    Proxy: "Le trafic arrive avec l'IP du nœud ou du Pod comme destination, parce que le répartiteur de charge joue le rôle de proxy ; kube-proxy ne court-circuite pas alors le répartiteur.",
  },
  'core.v1.ServicePort.protocol': {
    TCP: 'Valeur par défaut : protocole orienté connexion, utilisé par HTTP, HTTPS, gRPC et la plupart des bases de données.',
    UDP: 'Protocole sans connexion, utilisé par exemple par le DNS, la voix sur IP ou certains jeux.',
    SCTP: 'Protocole orienté messages, surtout utilisé dans les télécoms ; il doit être pris en charge par le plugin réseau.',
  },
  'core.v1.ContainerPort.protocol': {
    TCP: 'Valeur par défaut : protocole orienté connexion, utilisé par HTTP, HTTPS, gRPC et la plupart des bases de données.',
    UDP: 'Protocole sans connexion, utilisé par exemple par le DNS, la voix sur IP ou certains jeux.',
    SCTP: 'Protocole orienté messages, surtout utilisé dans les télécoms ; il doit être pris en charge par le plugin réseau.',
  },
  'core.v1.EndpointPort.protocol': {
    TCP: 'Valeur par défaut : protocole orienté connexion (HTTP, HTTPS, gRPC…).',
    UDP: 'Protocole sans connexion (DNS…).',
    SCTP: 'Protocole orienté messages, surtout utilisé dans les télécoms.',
  },
  'networking.v1.NetworkPolicyPort.protocol': {
    TCP: 'Valeur par défaut : la règle concerne le trafic TCP (HTTP, bases de données…).',
    UDP: 'La règle concerne le trafic UDP, par exemple le DNS sur le port 53.',
    SCTP: 'La règle concerne le trafic SCTP, si le plugin réseau le prend en charge.',
  },
  'networking.v1.HTTPIngressPath.pathType': {
    Exact: 'Le chemin de la requête doit être exactement identique (`/api` ne couvre pas `/api/` ni `/api/users`).',
    Prefix: "Correspondance par préfixe, segment par segment : `/api` couvre `/api` et `/api/users`, mais pas `/apiv2`. Le choix le plus courant.",
    ImplementationSpecific: "L'interprétation dépend du contrôleur Ingress (expressions régulières avec ingress-nginx, par exemple). Moins portable.",
  },
  'networking.v1.NetworkPolicySpec.policyTypes': {
    Ingress: 'La politique contrôle le trafic entrant dans les Pods sélectionnés : seul celui autorisé par les règles `ingress` passe.',
    Egress: 'La politique contrôle le trafic sortant des Pods sélectionnés : seul celui autorisé par les règles `egress` passe (pense au DNS).',
  },
  'networking.v1.IngressClassParametersReference.scope': {
    Cluster: 'Valeur par défaut : la ressource de paramètres est globale au cluster (pas de `namespace`).',
    Namespace: 'La ressource de paramètres est rangée dans un namespace, à indiquer dans `namespace`.',
  },

  // Pods et conteneurs
  'core.v1.PodSpec.restartPolicy': {
    Always: "Valeur par défaut : le kubelet redémarre toujours un conteneur qui s'arrête, même sans erreur. Obligatoire pour les Pods des Deployments, StatefulSets et DaemonSets.",
    OnFailure: "Le conteneur n'est redémarré que s'il s'arrête en erreur (code de sortie non nul). Courant pour les Jobs.",
    Never: "Le conteneur n'est jamais redémarré, quelle que soit la façon dont il s'arrête. Pour les tâches ponctuelles dont on veut examiner l'échec.",
  },
  'core.v1.PodSpec.dnsPolicy': {
    ClusterFirst: "Valeur par défaut : les noms du cluster (`mon-service`, `*.svc.cluster.local`) sont résolus par le DNS du cluster (CoreDNS), les autres sont transmis aux serveurs DNS amont.",
    ClusterFirstWithHostNet: "Comme `ClusterFirst`, mais pour un Pod en `hostNetwork: true`, qui sinon utiliserait le DNS du nœud.",
    Default: "Le Pod reprend la configuration DNS du nœud sur lequel il tourne. Attention : malgré son nom, ce n'est pas la valeur par défaut.",
    None: "Aucune configuration DNS automatique : tout est fourni par `dnsConfig` (serveurs, domaines de recherche, options).",
  },
  'core.v1.PodSpec.preemptionPolicy': {
    PreemptLowerPriority: "Valeur par défaut : si le Pod ne trouve pas de place, l'ordonnanceur peut évincer des Pods de priorité plus basse pour lui en faire.",
    Never: "Le Pod n'évince jamais d'autres Pods : il attend qu'une place se libère, tout en restant devant les Pods moins prioritaires dans la file.",
  },
  'core.v1.Container.imagePullPolicy': {
    Always: "Le kubelet vérifie le registre à chaque démarrage du conteneur et télécharge l'image si elle a changé. Valeur par défaut avec le tag `:latest` ou sans tag.",
    IfNotPresent: "L'image n'est téléchargée que si elle n'est pas déjà sur le nœud. Valeur par défaut avec un tag précis, comme `nginx:1.27`.",
    Never: "L'image n'est jamais téléchargée : elle doit déjà être présente sur le nœud, sinon le conteneur ne démarre pas (`ErrImageNeverPull`).",
  },
  'core.v1.Container.terminationMessagePolicy': {
    File: "Valeur par défaut : le message de fin du conteneur est lu dans le fichier `terminationMessagePath` (`/dev/termination-log`).",
    FallbackToLogsOnError: "Si ce fichier est vide et que le conteneur s'est arrêté en erreur, Kubernetes prend la fin de ses logs (2048 octets ou 80 lignes au plus) comme message. Pratique pour voir l'erreur dans `kubectl describe`.",
  },
  'core.v1.Container.restartPolicy': {
    Always: "Seule valeur possible, pour un conteneur d'initialisation : il devient un conteneur « sidecar » qui démarre avant les autres et tourne pendant toute la vie du Pod.",
  },
  'core.v1.PodStatus.phase': {
    Pending: "Le Pod est accepté mais pas encore en marche : il attend d'être placé sur un nœud, ou ses images sont en cours de téléchargement.",
    Running: 'Le Pod est placé sur un nœud et tous ses conteneurs ont été créés ; au moins un est en marche, en démarrage ou en redémarrage.',
    Succeeded: "Tous les conteneurs se sont terminés avec succès et ne seront pas redémarrés. Phase normale de fin d'un Job.",
    Failed: "Tous les conteneurs sont terminés et au moins un a échoué (code de sortie non nul, ou arrêté par le système).",
    Unknown: "L'état du Pod ne peut pas être obtenu, en général parce que le nœud qui l'héberge ne répond plus.",
  },
  'core.v1.SeccompProfile.type': {
    RuntimeDefault: 'Applique le profil seccomp par défaut du moteur de conteneurs, qui bloque les appels système dangereux. Le choix recommandé.',
    Localhost: 'Applique un profil défini dans un fichier du nœud, indiqué par `localhostProfile`.',
    Unconfined: "N'applique aucun filtrage seccomp : le conteneur peut faire tous les appels système. À éviter.",
  },
  'core.v1.PodSecurityContext.fsGroupChangePolicy': {
    Always: "Valeur par défaut : à chaque montage, Kubernetes change le propriétaire et les permissions de tous les fichiers du volume pour `fsGroup`. Peut être lent sur de gros volumes.",
    OnRootMismatch: "Le changement n'est fait que si le propriétaire ou les permissions de la racine du volume ne correspondent pas déjà : bien plus rapide sur de gros volumes.",
  },

  // Volumes et stockage
  'core.v1.PersistentVolumeClaimSpec.accessModes': {
    ReadWriteOnce: "Lecture-écriture par un seul nœud à la fois (plusieurs Pods de ce nœud peuvent s'en servir). Le mode le plus courant, proposé par presque tous les stockages.",
    ReadOnlyMany: 'Lecture seule, par plusieurs nœuds en même temps.',
    ReadWriteMany: 'Lecture-écriture par plusieurs nœuds en même temps. Exige un stockage partagé, comme NFS ou CephFS.',
    ReadWriteOncePod: 'Lecture-écriture par un seul Pod dans tout le cluster. Réservé aux volumes CSI.',
  },
  'core.v1.PersistentVolumeSpec.accessModes': {
    ReadWriteOnce: "Lecture-écriture par un seul nœud à la fois (plusieurs Pods de ce nœud peuvent s'en servir). Le mode le plus courant, proposé par presque tous les stockages.",
    ReadOnlyMany: 'Lecture seule, par plusieurs nœuds en même temps.',
    ReadWriteMany: 'Lecture-écriture par plusieurs nœuds en même temps. Exige un stockage partagé, comme NFS ou CephFS.',
    ReadWriteOncePod: 'Lecture-écriture par un seul Pod dans tout le cluster. Réservé aux volumes CSI.',
  },
  'core.v1.PersistentVolumeClaimSpec.volumeMode': {
    Filesystem: 'Valeur par défaut : le volume est formaté avec un système de fichiers et monté comme un répertoire dans le conteneur.',
    Block: "Le volume est fourni brut, comme un périphérique bloc (`volumeDevices`), sans système de fichiers. Pour des applications qui gèrent elles-mêmes le disque.",
  },
  'core.v1.PersistentVolumeSpec.volumeMode': {
    Filesystem: 'Valeur par défaut : le volume est formaté avec un système de fichiers et monté comme un répertoire dans le conteneur.',
    Block: "Le volume est fourni brut, comme un périphérique bloc, sans système de fichiers. Pour des applications qui gèrent elles-mêmes le disque.",
  },
  'core.v1.PersistentVolumeSpec.persistentVolumeReclaimPolicy': {
    Retain: "Quand le PVC est supprimé, le PersistentVolume et ses données sont conservés (état `Released`) ; un administrateur doit les nettoyer à la main. Valeur par défaut des PV créés manuellement.",
    Delete: 'Quand le PVC est supprimé, le PersistentVolume et le stockage sous-jacent sont supprimés aussi. Valeur par défaut des PV créés dynamiquement.',
    Recycle: "Obsolète : le contenu du volume est effacé (`rm -rf`) puis le PV redevient disponible. Utilise plutôt le provisionnement dynamique.",
  },
  'storage.v1.StorageClass.reclaimPolicy': {
    Delete: 'Valeur par défaut : les volumes créés par cette classe sont supprimés avec leur PVC.',
    Retain: "Les volumes créés par cette classe sont conservés après la suppression de leur PVC, pour protéger les données.",
  },
  'storage.v1.StorageClass.volumeBindingMode': {
    Immediate: 'Valeur par défaut : le volume est créé et lié dès la création du PVC, avant de savoir sur quel nœud tournera le Pod.',
    WaitForFirstConsumer: "Le volume n'est créé et lié qu'au moment où un Pod qui utilise le PVC est planifié, dans la bonne zone pour ce Pod. Recommandé pour les stockages locaux ou par zone.",
  },
  'core.v1.HostPathVolumeSource.type': {
    '': "Valeur par défaut : aucune vérification n'est faite sur le chemin avant le montage.",
    DirectoryOrCreate: "Si le répertoire n'existe pas sur le nœud, il est créé vide (permissions 0755).",
    Directory: 'Un répertoire doit déjà exister à ce chemin sur le nœud.',
    FileOrCreate: "Si le fichier n'existe pas sur le nœud, il est créé vide (permissions 0644). Le répertoire parent doit exister.",
    File: 'Un fichier doit déjà exister à ce chemin sur le nœud.',
    Socket: 'Un socket UNIX doit déjà exister à ce chemin (par exemple celui du moteur de conteneurs).',
    CharDevice: 'Un périphérique caractère doit déjà exister à ce chemin.',
    BlockDevice: 'Un périphérique bloc doit déjà exister à ce chemin.',
  },
  'core.v1.EmptyDirVolumeSource.medium': {
    '': "Valeur par défaut : le répertoire est stocké sur le disque du nœud.",
    Memory: "Le répertoire est un tmpfs en RAM : très rapide, effacé au redémarrage du nœud, et sa taille compte dans la mémoire utilisée par le conteneur.",
    HugePages: 'Le répertoire est stocké dans des pages mémoire de grande taille (hugepages) ; le Pod doit en demander dans ses ressources.',
    'HugePages-2Mi': 'Comme `HugePages`, en précisant des pages de 2 Mio.',
    'HugePages-1Gi': 'Comme `HugePages`, en précisant des pages de 1 Gio.',
  },

  // Déploiements et charges de travail
  'apps.v1.DeploymentStrategy.type': {
    RollingUpdate: "Valeur par défaut : les anciens Pods sont remplacés petit à petit par les nouveaux (réglé par `maxSurge` et `maxUnavailable`), sans interruption de service.",
    Recreate: "Tous les anciens Pods sont supprimés avant de créer les nouveaux : il y a une coupure, mais deux versions ne tournent jamais en même temps.",
  },
  'apps.v1.StatefulSetUpdateStrategy.type': {
    RollingUpdate: "Valeur par défaut : les Pods sont remplacés un par un, du plus grand numéro au plus petit, en attendant que chacun soit prêt.",
    OnDelete: "Les Pods ne sont pas mis à jour automatiquement : la nouvelle version n'est appliquée que lorsque tu supprimes un Pod à la main.",
  },
  'apps.v1.DaemonSetUpdateStrategy.type': {
    RollingUpdate: 'Valeur par défaut : les Pods du DaemonSet sont remplacés nœud par nœud, automatiquement.',
    OnDelete: "Les Pods ne sont pas mis à jour automatiquement : la nouvelle version n'est appliquée que lorsque tu supprimes un Pod à la main.",
  },
  'apps.v1.StatefulSetSpec.podManagementPolicy': {
    OrderedReady: "Valeur par défaut : les Pods sont créés dans l'ordre (`web-0`, puis `web-1`…), chacun attendant que le précédent soit prêt, et supprimés dans l'ordre inverse.",
    Parallel: "Les Pods sont créés ou supprimés tous en même temps, sans attendre. Plus rapide, pour les applications qui n'ont pas besoin d'un démarrage ordonné.",
  },
  'batch.v1.CronJobSpec.concurrencyPolicy': {
    Allow: "Valeur par défaut : une nouvelle exécution peut démarrer même si la précédente n'est pas finie.",
    Forbid: "Si l'exécution précédente tourne encore, la nouvelle est sautée.",
    Replace: "Si l'exécution précédente tourne encore, elle est arrêtée et remplacée par la nouvelle.",
  },
  'batch.v1.JobSpec.completionMode': {
    NonIndexed: "Valeur par défaut : le Job est terminé quand `completions` Pods ont réussi, tous interchangeables.",
    Indexed: "Chaque Pod reçoit un index de 0 à `completions - 1` (variable `JOB_COMPLETION_INDEX`) ; le Job est terminé quand chaque index a réussi une fois. Pratique pour découper un travail en morceaux.",
  },
  'batch.v1.PodFailurePolicyRule.action': {
    FailJob: "Le Job est marqué en échec immédiatement et tous ses Pods en cours sont arrêtés.",
    FailIndex: "Seul l'index de ce Pod est marqué en échec et ne sera pas relancé (Jobs `Indexed` avec `backoffLimitPerIndex`).",
    Ignore: "L'échec n'est pas compté dans `backoffLimit` : un Pod de remplacement est créé. Utile pour les interruptions qui ne sont pas de la faute du programme.",
    Count: "Traitement normal : l'échec est compté dans `backoffLimit`.",
  },

  // Ordonnancement
  'core.v1.Toleration.operator': {
    Equal: "Valeur par défaut : la tolérance correspond à une taint qui a la même clé et la même valeur (`value`).",
    Exists: "La tolérance correspond à toute taint qui a cette clé, quelle que soit sa valeur ; ne pas indiquer `value`. Sans clé, elle tolère toutes les taints.",
  },
  'core.v1.Toleration.effect': {
    '': 'Vide : la tolérance correspond à tous les effets de taint.',
    NoSchedule: 'Tolère les taints qui interdisent de placer de nouveaux Pods sur le nœud.',
    PreferNoSchedule: "Tolère les taints qui demandent d'éviter le nœud si possible.",
    NoExecute: "Tolère les taints qui expulsent les Pods du nœud ; `tolerationSeconds` peut limiter la durée pendant laquelle le Pod reste.",
  },
  'core.v1.Taint.effect': {
    NoSchedule: "Aucun nouveau Pod n'est placé sur le nœud sans tolérance ; les Pods déjà présents restent.",
    PreferNoSchedule: "L'ordonnanceur évite le nœud pour les Pods sans tolérance, mais l'utilise s'il n'a pas d'autre choix.",
    NoExecute: "Aucun nouveau Pod sans tolérance n'est placé sur le nœud, et ceux qui y tournent déjà sans tolérance sont expulsés.",
  },
  'core.v1.NodeSelectorRequirement.operator': {
    In: 'Le label du nœud doit avoir une des valeurs de la liste.',
    NotIn: "Le label du nœud ne doit avoir aucune des valeurs de la liste (un nœud sans ce label convient).",
    Exists: 'Le nœud doit avoir ce label, quelle que soit sa valeur ; `values` doit être vide.',
    DoesNotExist: 'Le nœud ne doit pas avoir ce label ; `values` doit être vide.',
    Gt: 'La valeur du label, lue comme un entier, doit être plus grande que la valeur unique de `values`.',
    Lt: 'La valeur du label, lue comme un entier, doit être plus petite que la valeur unique de `values`.',
  },
  'meta.v1.LabelSelectorRequirement.operator': {
    In: 'Le label doit avoir une des valeurs de la liste.',
    NotIn: "Le label ne doit avoir aucune des valeurs de la liste (un objet sans ce label convient).",
    Exists: "L'objet doit avoir ce label, quelle que soit sa valeur ; `values` doit être vide.",
    DoesNotExist: "L'objet ne doit pas avoir ce label ; `values` doit être vide.",
  },
  'core.v1.TopologySpreadConstraint.whenUnsatisfiable': {
    DoNotSchedule: "Valeur par défaut : si la contrainte de répartition ne peut pas être respectée, le Pod reste en attente (`Pending`).",
    ScheduleAnyway: "Le Pod est placé malgré tout, en préférant les emplacements qui réduisent le déséquilibre.",
  },
  'policy.v1.PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': {
    IfHealthyBudget: "Valeur par défaut : un Pod en marche mais pas encore prêt ne peut être évincé que si l'application a assez de Pods sains pour respecter le budget.",
    AlwaysAllow: "Les Pods en marche mais pas prêts peuvent toujours être évincés, même si le budget n'est pas respecté. Évite qu'un Pod bloqué empêche de vider un nœud.",
  },

  // Montée en charge
  'autoscaling.v2.MetricSpec.type': {
    Resource: "Une ressource des Pods (CPU ou mémoire) comparée à leurs requests, à indiquer dans `resource`. Le cas le plus courant.",
    ContainerResource: "Comme `Resource`, mais pour un seul conteneur de chaque Pod (`containerResource`), sans compter les sidecars.",
    Pods: "Une métrique propre aux Pods (par exemple des requêtes par seconde), moyennée sur tous les Pods ; à indiquer dans `pods`.",
    Object: "Une métrique d'un autre objet Kubernetes, comme un Ingress ; à indiquer dans `object`.",
    External: "Une métrique extérieure au cluster, comme la longueur d'une file de messages ; à indiquer dans `external`.",
  },
  'autoscaling.v2.MetricTarget.type': {
    Utilization: "Cible en pourcentage des requests des Pods (`averageUtilization`), par exemple 70 % du CPU demandé. Seulement pour les métriques `Resource` et `ContainerResource`.",
    Value: 'Cible en valeur brute de la métrique (`value`), sans division par le nombre de Pods.',
    AverageValue: 'Cible en valeur moyenne par Pod (`averageValue`) : la valeur totale divisée par le nombre de Pods.',
  },

  // Configuration, RBAC et politiques
  'core.v1.Secret.type': {
    Opaque: 'Valeur par défaut : données libres, sans clé imposée. Le type le plus courant.',
    'kubernetes.io/service-account-token': "Jeton d'un ServiceAccount, créé à la main avec l'annotation `kubernetes.io/service-account.name`. Ancienne méthode : préfère les jetons temporaires (`kubectl create token`).",
    'kubernetes.io/dockercfg': "Identifiants d'un registre d'images à l'ancien format `~/.dockercfg`, dans la clé `.dockercfg`. Préfère `kubernetes.io/dockerconfigjson`.",
    'kubernetes.io/dockerconfigjson': "Identifiants d'un registre d'images privé (clé `.dockerconfigjson`), à utiliser dans `imagePullSecrets`. Se crée avec `kubectl create secret docker-registry`.",
    'kubernetes.io/basic-auth': 'Identifiants de connexion simples, dans les clés `username` et `password`.',
    'kubernetes.io/ssh-auth': 'Clé privée SSH, dans la clé `ssh-privatekey`.',
    'kubernetes.io/tls': "Certificat et clé privée TLS, dans les clés `tls.crt` et `tls.key`. Utilisé par exemple par un Ingress en HTTPS ; se crée avec `kubectl create secret tls`.",
    'bootstrap.kubernetes.io/token': "Jeton d'amorçage utilisé pour joindre de nouveaux nœuds au cluster (`kubeadm join`). Rangé dans `kube-system`.",
  },
  'core.v1.Event.type': {
    Normal: "Événement informatif : tout se passe normalement (Pod planifié, image téléchargée, conteneur démarré…).",
    Warning: "Quelque chose mérite ton attention : image introuvable, probe en échec, place insuffisante sur les nœuds…",
  },
  'core.v1.NamespaceStatus.phase': {
    Active: 'Le namespace est utilisable normalement.',
    Terminating: "Le namespace est en cours de suppression : son contenu est effacé et on ne peut plus y créer d'objets.",
  },
  'core.v1.LimitRangeItem.type': {
    Container: "Les bornes et valeurs par défaut s'appliquent à chaque conteneur.",
    Pod: "Les bornes s'appliquent à la somme des ressources de tous les conteneurs d'un Pod.",
    PersistentVolumeClaim: "Les bornes s'appliquent au stockage demandé par chaque PersistentVolumeClaim.",
  },
  'core.v1.ResourceQuotaSpec.scopes': {
    Terminating: 'Ne compte que les Pods qui ont une durée limitée (`activeDeadlineSeconds` renseigné dans leur spec).',
    NotTerminating: "Ne compte que les Pods sans durée limitée (`activeDeadlineSeconds` absent), ce qui est le cas de la plupart des Pods.",
    BestEffort: "Ne compte que les Pods de classe BestEffort, sans aucune request ni limit. Seul le nombre de Pods peut alors être plafonné.",
    NotBestEffort: 'Ne compte que les Pods qui indiquent au moins une request ou une limit.',
    PriorityClass: "Ne compte que les Pods d'une PriorityClass ; on précise lesquelles avec `scopeSelector`.",
    CrossNamespacePodAffinity: "Ne compte que les Pods dont l'affinité vise d'autres namespaces ; permet d'interdire cette pratique (plafond à 0).",
  },
  'core.v1.ScopedResourceSelectorRequirement.operator': {
    In: 'La portée doit avoir une des valeurs de la liste (par exemple certaines PriorityClasses).',
    NotIn: "La portée ne doit avoir aucune des valeurs de la liste.",
    Exists: "La portée doit s'appliquer, sans condition de valeur ; `values` doit être vide.",
    DoesNotExist: "La portée ne doit pas s'appliquer ; `values` doit être vide.",
  },
  'rbac.v1.PolicyRule.verbs': {
    get: 'Lire un objet précis par son nom (`kubectl get pod mon-pod`).',
    list: "Lister les objets d'un type (`kubectl get pods`). Permet aussi de lire leur contenu : prudence avec les Secrets.",
    watch: 'Suivre en continu les modifications des objets (`kubectl get pods -w`).',
    create: 'Créer de nouveaux objets (`kubectl create`, `kubectl apply` pour un objet neuf).',
    update: 'Remplacer un objet existant en entier (`kubectl replace`, `kubectl apply`).',
    patch: "Modifier une partie d'un objet existant (`kubectl patch`, `kubectl scale`, `kubectl apply`).",
    delete: 'Supprimer un objet (`kubectl delete pod mon-pod`).',
    deletecollection: "Supprimer plusieurs objets d'un coup (`kubectl delete pods --all`).",
    '*': 'Tous les verbes, y compris les verbes spéciaux. À réserver aux administrateurs.',
    impersonate: "Verbe spécial : agir au nom d'un autre utilisateur, groupe ou ServiceAccount (`kubectl --as=jane`), sur les ressources `users`, `groups` ou `serviceaccounts`.",
    bind: "Verbe spécial : créer des bindings vers un rôle (ressource `roles` ou `clusterroles`) même sans posséder soi-même toutes ses permissions.",
    escalate: "Verbe spécial : créer ou modifier un rôle (ressource `roles` ou `clusterroles`) pour lui donner des permissions qu'on n'a pas soi-même.",
    use: "Verbe spécial : utiliser une ressource de politique, par exemple une PodSecurityPolicy (supprimée depuis la v1.25).",
  },
  'rbac.v1.Subject.kind': {
    User: "Un utilisateur humain ou externe, identifié par l'authentification (certificat client, OIDC…). Il n'existe pas d'objet User dans Kubernetes.",
    Group: "Un groupe d'utilisateurs, fourni lui aussi par l'authentification (par exemple `system:authenticated` ou l'organisation d'un certificat).",
    ServiceAccount: "Un ServiceAccount, c'est-à-dire l'identité des Pods ; indique aussi son `namespace`.",
  },
  'rbac.v1.RoleRef.kind': {
    Role: "Un Role du même namespace que le RoleBinding. Impossible dans un ClusterRoleBinding.",
    ClusterRole: "Un ClusterRole : dans un ClusterRoleBinding ses permissions valent pour tout le cluster, dans un RoleBinding seulement pour le namespace du binding.",
  },
};
