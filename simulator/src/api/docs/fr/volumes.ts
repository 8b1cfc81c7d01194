import type { DocTable } from '../types';

/** Documentation en français : Volumes, PersistentVolume, PersistentVolumeClaim et StorageClass. */
export const VOLUME_DOCS: DocTable = {
  'core.v1.AWSElasticBlockStoreVolumeSource': {
    text: 'Disque Amazon EBS monté dans un Pod. Pilote intégré obsolète : Kubernetes redirige ces volumes vers le pilote CSI `ebs.csi.aws.com`, à utiliser directement via une StorageClass. Le disque doit déjà exister, dans la même zone AWS que le nœud.',
    chapter: 'volumes',
    properties: {
      fsType: {
        text: "Type de système de fichiers à monter (par exemple `ext4`, `xfs` ou `ntfs`) ; il doit être pris en charge par le système d'exploitation du nœud.",
        default: 'ext4',
      },
      partition: { text: 'Numéro de la partition à monter, par exemple `1` pour `/dev/sda1`. Sans valeur (ou avec `0`), tout le disque est monté.' },
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule, quelle que soit la valeur de `readOnly` dans les `volumeMounts` des conteneurs.',
        default: 'false',
      },
      volumeID: { text: 'Identifiant du volume EBS dans AWS (de la forme `vol-…`).' },
    },
  },
  'core.v1.AzureDiskVolumeSource': {
    text: 'Disque de données Azure attaché au nœud puis monté dans le Pod. Obsolète : utilise plutôt le pilote CSI `disk.csi.azure.com`.',
    chapter: 'volumes',
    properties: {
      cachingMode: {
        text: "Mode de cache de l'hôte pour ce disque : `None`, `ReadOnly` ou `ReadWrite`.",
        default: 'ReadWrite',
      },
      diskName: { text: 'Nom du disque de données dans le stockage Azure.' },
      diskURI: { text: 'URI du disque de données dans le stockage Azure.' },
      fsType: {
        text: "Type de système de fichiers à monter (par exemple `ext4`, `xfs` ou `ntfs`) ; il doit être pris en charge par le système d'exploitation du nœud.",
        default: 'ext4',
      },
      kind: {
        text: 'Type de disque : `Shared` (plusieurs disques par compte de stockage), `Dedicated` (un seul disque par compte) ou `Managed` (disque managé par Azure).',
        default: 'Shared',
      },
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule, quelle que soit la valeur de `readOnly` dans les `volumeMounts` des conteneurs.',
        default: 'false',
      },
    },
  },
  'core.v1.AzureFilePersistentVolumeSource': {
    text: "Partage Azure Files utilisé comme source d'un PersistentVolume. Obsolète : utilise plutôt le pilote CSI `file.csi.azure.com`.",
    chapter: 'volumes',
    properties: {
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule, quelle que soit la valeur de `readOnly` dans les `volumeMounts` des conteneurs.',
        default: 'false',
      },
      secretName: { text: 'Nom du Secret qui contient le nom et la clé du compte de stockage Azure.' },
      secretNamespace: {
        text: 'Namespace du Secret qui contient le nom et la clé du compte de stockage Azure.',
        default: 'le namespace du Pod',
      },
      shareName: { text: 'Nom du partage Azure Files à monter.' },
    },
  },
  'core.v1.AzureFileVolumeSource': {
    text: 'Partage Azure Files monté directement dans un Pod. Obsolète : utilise plutôt le pilote CSI `file.csi.azure.com`.',
    chapter: 'volumes',
    properties: {
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule, quelle que soit la valeur de `readOnly` dans les `volumeMounts` des conteneurs.',
        default: 'false',
      },
      secretName: { text: 'Nom du Secret qui contient le nom et la clé du compte de stockage Azure.' },
      shareName: { text: 'Nom du partage Azure Files à monter.' },
    },
  },
  'core.v1.CSIPersistentVolumeSource': {
    text: "Source d'un PersistentVolume gérée par un pilote CSI (Container Storage Interface) externe. C'est la façon standard de brancher un système de stockage : les PV créés dynamiquement par une StorageClass utilisent ce bloc.",
    chapter: 'volumes',
    properties: {
      controllerExpandSecretRef: { text: 'Secret transmis au pilote CSI quand il agrandit le volume (appel `ControllerExpandVolume`). Facultatif.' },
      controllerPublishSecretRef: { text: "Secret transmis au pilote CSI quand il attache le volume à un nœud ou l'en détache (appels `ControllerPublishVolume` et `ControllerUnpublishVolume`). Facultatif." },
      driver: {
        text: 'Nom du pilote CSI qui gère ce volume, par exemple `ebs.csi.aws.com`. Obligatoire.',
        example: 'csi:\n  driver: ebs.csi.aws.com\n  volumeHandle: vol-0123456789abcdef0',
      },
      fsType: { text: "Type de système de fichiers à monter (par exemple `ext4` ou `xfs`) ; il doit être pris en charge par le système d'exploitation du nœud." },
      nodeExpandSecretRef: { text: 'Secret transmis au pilote CSI quand il agrandit le système de fichiers sur le nœud (appel `NodeExpandVolume`). Facultatif.' },
      nodePublishSecretRef: { text: 'Secret transmis au pilote CSI quand il monte le volume pour le Pod sur le nœud, ou le démonte (appels `NodePublishVolume` et `NodeUnpublishVolume`). Facultatif.' },
      nodeStageSecretRef: { text: 'Secret transmis au pilote CSI quand il prépare le volume sur le nœud avant de le monter, ou le libère (appels `NodeStageVolume` et `NodeUnstageVolume`). Facultatif.' },
      readOnly: {
        text: 'Si `true`, le volume est publié en lecture seule.',
        default: 'false',
      },
      volumeAttributes: { text: 'Attributs propres au pilote (clés/valeurs) qui décrivent le volume à publier.' },
      volumeHandle: { text: 'Identifiant unique du volume, renvoyé par le pilote CSI à sa création ; il désigne le volume dans tous les appels suivants. Obligatoire.' },
    },
  },
  'core.v1.CSIVolumeSource': {
    text: 'Volume éphémère fourni par un pilote CSI et déclaré directement dans le Pod : il est créé et supprimé avec le Pod. Seuls certains pilotes acceptent ce mode, par exemple le pilote Secrets Store CSI.',
    chapter: 'volumes',
    properties: {
      driver: {
        text: "Nom du pilote CSI qui gère ce volume, tel qu'il est enregistré dans le cluster ; demande-le à ton administrateur.",
        example: 'csi:\n  driver: secrets-store.csi.k8s.io',
      },
      fsType: { text: 'Type de système de fichiers à monter (par exemple `ext4` ou `xfs`). Sans valeur, le pilote CSI choisit lui-même.' },
      nodePublishSecretRef: { text: 'Secret du namespace du Pod contenant des informations sensibles, transmis au pilote CSI pour monter et démonter le volume. Facultatif.' },
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule.',
        default: 'false',
      },
      volumeAttributes: { text: 'Paramètres propres au pilote CSI (clés/valeurs) ; consulte la documentation du pilote pour les valeurs possibles.' },
    },
  },
  'core.v1.CephFSPersistentVolumeSource': {
    text: "Système de fichiers distribué CephFS utilisé comme source d'un PersistentVolume. Pilote intégré obsolète (retiré en v1.31) : utilise plutôt le pilote CSI de Ceph (ceph-csi).",
    chapter: 'volumes',
    properties: {
      monitors: { text: 'Liste des moniteurs Ceph (`adresse:port`) à contacter. Obligatoire.' },
      path: {
        text: "Chemin, dans l'arborescence CephFS, à utiliser comme racine du montage.",
        default: '/',
      },
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule, quelle que soit la valeur de `readOnly` dans les `volumeMounts` des conteneurs.',
        default: 'false',
      },
      secretFile: {
        text: "Chemin, sur le nœud, du fichier qui contient la clé de l'utilisateur Ceph.",
        default: '/etc/ceph/user.secret',
      },
      secretRef: { text: "Secret contenant la clé d'authentification de l'utilisateur Ceph, à la place de `secretFile`." },
      user: {
        text: "Nom de l'utilisateur RADOS utilisé pour se connecter à Ceph.",
        default: 'admin',
      },
    },
  },
  'core.v1.CephFSVolumeSource': {
    text: 'Système de fichiers distribué CephFS monté directement dans un Pod. Pilote intégré obsolète (retiré en v1.31) : utilise plutôt le pilote CSI de Ceph (ceph-csi) via une PVC.',
    chapter: 'volumes',
    properties: {
      monitors: { text: 'Liste des moniteurs Ceph (`adresse:port`) à contacter. Obligatoire.' },
      path: {
        text: "Chemin, dans l'arborescence CephFS, à utiliser comme racine du montage.",
        default: '/',
      },
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule, quelle que soit la valeur de `readOnly` dans les `volumeMounts` des conteneurs.',
        default: 'false',
      },
      secretFile: {
        text: "Chemin, sur le nœud, du fichier qui contient la clé de l'utilisateur Ceph.",
        default: '/etc/ceph/user.secret',
      },
      secretRef: { text: "Secret contenant la clé d'authentification de l'utilisateur Ceph, à la place de `secretFile`." },
      user: {
        text: "Nom de l'utilisateur RADOS utilisé pour se connecter à Ceph.",
        default: 'admin',
      },
    },
  },
  'core.v1.CinderPersistentVolumeSource': {
    text: "Volume Cinder d'OpenStack utilisé comme source d'un PersistentVolume. Obsolète : Kubernetes redirige ces volumes vers le pilote CSI `cinder.csi.openstack.org`, à utiliser directement. Le volume doit exister et se trouver dans la même région que le nœud.",
    chapter: 'volumes',
    properties: {
      fsType: {
        text: "Type de système de fichiers à monter (par exemple `ext4`, `xfs` ou `ntfs`) ; il doit être pris en charge par le système d'exploitation du nœud.",
        default: 'ext4',
      },
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule, quelle que soit la valeur de `readOnly` dans les `volumeMounts` des conteneurs.',
        default: 'false',
      },
      secretRef: { text: 'Secret contenant les paramètres de connexion à OpenStack. Facultatif.' },
      volumeID: { text: 'Identifiant du volume dans Cinder.' },
    },
  },
  'core.v1.CinderVolumeSource': {
    text: "Volume Cinder d'OpenStack monté directement dans un Pod. Obsolète : Kubernetes redirige ces volumes vers le pilote CSI `cinder.csi.openstack.org`, à utiliser directement. Le volume doit exister et se trouver dans la même région que le nœud.",
    chapter: 'volumes',
    properties: {
      fsType: {
        text: "Type de système de fichiers à monter (par exemple `ext4`, `xfs` ou `ntfs`) ; il doit être pris en charge par le système d'exploitation du nœud.",
        default: 'ext4',
      },
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule, quelle que soit la valeur de `readOnly` dans les `volumeMounts` des conteneurs.',
        default: 'false',
      },
      secretRef: { text: 'Secret contenant les paramètres de connexion à OpenStack. Facultatif.' },
      volumeID: { text: 'Identifiant du volume dans Cinder.' },
    },
  },
  'core.v1.ClaimSource': {
    text: 'Désigne la ResourceClaim (allocation dynamique de ressources, par exemple un GPU) utilisée par un Pod : une ResourceClaim existante, ou un modèle à partir duquel en créer une. Renseigne un seul des deux champs. Fonctionnalité alpha en v1.30.',
    chapter: 'avance',
    properties: {
      resourceClaimName: { text: "Nom d'une ResourceClaim existante, dans le même namespace que le Pod." },
      resourceClaimTemplateName: { text: "Nom d'un ResourceClaimTemplate du même namespace : Kubernetes crée à partir de ce modèle une ResourceClaim propre au Pod, supprimée avec lui. Non modifiable." },
    },
  },
  'core.v1.ClusterTrustBundleProjection': {
    text: "Écrit dans un fichier du volume les certificats d'autorité d'un ou plusieurs objets ClusterTrustBundle, tenus à jour par le kubelet. Fonctionnalité alpha (feature gate `ClusterTrustBundleProjection`).",
    chapter: 'volumes',
    properties: {
      labelSelector: { text: "Sélectionne par label les ClusterTrustBundles à inclure ; ne s'utilise qu'avec `signerName`. Absent, il ne sélectionne rien ; vide (`{}`), il sélectionne tout." },
      name: { text: "Nom d'un ClusterTrustBundle précis ; incompatible avec `signerName` et `labelSelector`." },
      optional: { text: "Si `true`, le Pod démarre même si le ou les ClusterTrustBundles visés n'existent pas." },
      path: { text: 'Chemin du fichier à écrire, relatif à la racine du volume.' },
      signerName: { text: 'Sélectionne tous les ClusterTrustBundles de ce signataire ; leurs certificats sont fusionnés et dédoublonnés. Incompatible avec `name`.' },
    },
  },
  'core.v1.ConfigMapProjection': {
    text: "Place les données d'une ConfigMap dans un volume `projected`, une clé par fichier. Fonctionne comme un volume `configMap`, sans `defaultMode` propre.",
    chapter: 'volumes',
    properties: {
      items: { text: 'Liste des clés de la ConfigMap à placer dans le volume, avec le chemin du fichier pour chacune. Sans `items`, chaque clé devient un fichier du même nom ; avec `items`, seules les clés listées apparaissent. Une clé introuvable fait échouer le montage, sauf si `optional: true`.' },
      name: { text: 'Nom de la ConfigMap à projeter, dans le namespace du Pod.' },
      optional: { text: "Si `true`, le Pod démarre même si la ConfigMap ou les clés demandées n'existent pas." },
    },
  },
  'core.v1.ConfigMapVolumeSource': {
    text: "Monte une ConfigMap comme volume : chaque clé de `data` devient un fichier dont le contenu est la valeur. C'est la façon classique de fournir des fichiers de configuration à un conteneur ; les fichiers sont mis à jour (avec un délai) quand la ConfigMap change, sauf pour un montage avec `subPath`.",
    chapter: 'volumes',
    properties: {
      defaultMode: {
        text: "Permissions appliquées par défaut aux fichiers créés dans le volume, en octal (de `0000` à `0777`) ou en décimal (de 0 à 511) ; le JSON n'accepte que le décimal. Les répertoires ne sont pas concernés, et d'autres réglages comme `fsGroup` peuvent modifier le résultat.",
        default: '0644',
        example: 'defaultMode: 0440',
      },
      items: {
        text: 'Liste des clés de la ConfigMap à placer dans le volume, avec le chemin du fichier pour chacune. Sans `items`, chaque clé devient un fichier du même nom ; avec `items`, seules les clés listées apparaissent. Une clé introuvable fait échouer le montage, sauf si `optional: true`.',
        example: 'items:\n  - key: nginx.conf\n    path: default.conf',
      },
      name: {
        text: 'Nom de la ConfigMap à monter ; elle doit se trouver dans le même namespace que le Pod.',
        example: 'configMap:\n  name: app-config',
      },
      optional: { text: "Si `true`, le Pod démarre même si la ConfigMap ou certaines clés n'existent pas ; le volume est alors vide ou incomplet." },
    },
  },
  'core.v1.DownwardAPIProjection': {
    text: 'Place des informations sur le Pod (Downward API) dans un volume `projected`. Fonctionne comme un volume `downwardAPI`, sans `defaultMode` propre.',
    chapter: 'volumes',
    properties: {
      items: { text: "Liste des fichiers à créer, chacun alimenté par un champ du Pod ou une ressource d'un conteneur." },
    },
  },
  'core.v1.DownwardAPIVolumeFile': {
    text: "Un fichier d'un volume Downward API : son chemin, et l'information du Pod ou du conteneur qu'il contient.",
    chapter: 'volumes',
    properties: {
      fieldRef: {
        text: 'Champ du Pod à écrire dans le fichier : seuls `metadata.name`, `metadata.namespace`, `metadata.uid`, `metadata.labels` et `metadata.annotations` sont acceptés.',
        example: 'fieldRef:\n  fieldPath: metadata.labels',
      },
      mode: {
        text: "Permissions de ce fichier, en octal (de `0000` à `0777`) ou en décimal (de 0 à 511). D'autres réglages comme `fsGroup` peuvent modifier le résultat.",
        default: 'le `defaultMode` du volume',
      },
      path: {
        text: 'Chemin relatif du fichier à créer dans le volume ; il ne doit être ni absolu ni contenir `..`. Obligatoire.',
        example: 'path: labels',
      },
      resourceFieldRef: { text: "Ressource d'un conteneur à écrire dans le fichier, par exemple `limits.cpu`, `limits.memory`, `requests.cpu` ou `requests.memory`." },
    },
  },
  'core.v1.DownwardAPIVolumeSource': {
    text: "Volume qui expose au conteneur des informations sur son propre Pod (nom, namespace, labels, annotations, ressources) sous forme de fichiers. Les fichiers des labels et annotations sont mis à jour s'ils changent.",
    chapter: 'volumes',
    properties: {
      defaultMode: {
        text: "Permissions appliquées par défaut aux fichiers créés dans le volume, en octal (de `0000` à `0777`) ou en décimal (de 0 à 511) ; le JSON n'accepte que le décimal. Les répertoires ne sont pas concernés, et d'autres réglages comme `fsGroup` peuvent modifier le résultat.",
        default: '0644',
      },
      items: {
        text: "Liste des fichiers à créer, chacun avec le champ du Pod ou la ressource du conteneur qu'il contient.",
        example: 'downwardAPI:\n  items:\n    - path: labels\n      fieldRef:\n        fieldPath: metadata.labels',
      },
    },
  },
  'core.v1.EmptyDirVolumeSource': {
    text: "Répertoire vide créé quand le Pod démarre sur un nœud, et effacé définitivement quand le Pod quitte ce nœud. Il survit aux redémarrages des conteneurs : idéal pour des fichiers temporaires (cache, espace de travail) ou pour échanger des fichiers entre les conteneurs d'un même Pod.",
    chapter: 'volumes',
    properties: {
      medium: {
        text: 'Support du répertoire : vide pour le stockage du nœud (son disque), ou `Memory` pour un tmpfs en RAM, très rapide mais compté dans la mémoire des conteneurs et perdu au redémarrage du nœud.',
        default: '"" (le disque du nœud)',
        example: 'emptyDir:\n  medium: Memory',
      },
      sizeLimit: {
        text: "Taille maximale du volume, par exemple `500Mi` ; si elle est dépassée, le Pod est expulsé du nœud. Sans valeur, il n'y a pas de limite propre au volume. Avec `medium: Memory`, la limite réelle est la plus petite entre cette valeur et la somme des limites mémoire des conteneurs du Pod.",
        example: 'emptyDir:\n  sizeLimit: 500Mi',
      },
    },
  },
  'core.v1.EphemeralVolumeSource': {
    text: "Volume éphémère générique : Kubernetes crée pour le Pod une PVC à partir d'un modèle, via une StorageClass, et la supprime avec le Pod. Utile quand il faut un espace temporaire plus grand ou plus riche qu'un `emptyDir` (taille garantie, snapshot, pilote de stockage au choix).",
    chapter: 'volumes',
    properties: {
      volumeClaimTemplate: {
        text: "Modèle de la PVC à créer pour ce volume. La PVC s'appelle `<nom du Pod>-<nom du volume>` et appartient au Pod : elle est supprimée avec lui. Une PVC de même nom qui n'appartient pas au Pod n'est jamais réutilisée. Obligatoire.",
        example: 'ephemeral:\n  volumeClaimTemplate:\n    spec:\n      accessModes: ["ReadWriteOnce"]\n      storageClassName: standard\n      resources:\n        requests:\n          storage: 1Gi',
      },
    },
  },
  'core.v1.FCVolumeSource': {
    text: 'Volume Fibre Channel attaché au nœud puis exposé au Pod. Il ne peut être monté en lecture-écriture que par un seul nœud à la fois.',
    chapter: 'volumes',
    properties: {
      fsType: {
        text: "Type de système de fichiers à monter (par exemple `ext4`, `xfs` ou `ntfs`) ; il doit être pris en charge par le système d'exploitation du nœud.",
        default: 'ext4',
      },
      lun: { text: 'Numéro de LUN de la cible Fibre Channel, à utiliser avec `targetWWNs`.' },
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule, quelle que soit la valeur de `readOnly` dans les `volumeMounts` des conteneurs.',
        default: 'false',
      },
      targetWWNs: { text: 'Noms mondiaux (WWN) des cibles Fibre Channel, à utiliser avec `lun`.' },
      wwids: { text: 'Identifiants mondiaux (WWID) du volume : à renseigner à la place de `targetWWNs` et `lun`, jamais en même temps.' },
    },
  },
  'core.v1.FlexPersistentVolumeSource': {
    text: "Volume d'un PersistentVolume géré par un plugin FlexVolume, un exécutable installé sur chaque nœud. Obsolète : utilise plutôt un pilote CSI.",
    chapter: 'volumes',
    properties: {
      driver: { text: 'Nom du pilote FlexVolume qui gère ce volume.' },
      fsType: { text: "Type de système de fichiers à monter (par exemple `ext4` ou `xfs`). Sans valeur, c'est le script FlexVolume qui décide." },
      options: { text: 'Options supplémentaires (clés/valeurs) passées au pilote. Facultatif.' },
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule, quelle que soit la valeur de `readOnly` dans les `volumeMounts` des conteneurs.',
        default: 'false',
      },
      secretRef: { text: 'Secret contenant des informations sensibles transmises aux scripts du plugin ; toutes ses clés sont transmises. Facultatif.' },
    },
  },
  'core.v1.FlexVolumeSource': {
    text: 'Volume géré par un plugin FlexVolume, un exécutable installé sur chaque nœud. Obsolète : utilise plutôt un pilote CSI.',
    chapter: 'volumes',
    properties: {
      driver: { text: 'Nom du pilote FlexVolume qui gère ce volume.' },
      fsType: { text: "Type de système de fichiers à monter (par exemple `ext4` ou `xfs`). Sans valeur, c'est le script FlexVolume qui décide." },
      options: { text: 'Options supplémentaires (clés/valeurs) passées au pilote. Facultatif.' },
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule, quelle que soit la valeur de `readOnly` dans les `volumeMounts` des conteneurs.',
        default: 'false',
      },
      secretRef: { text: 'Secret contenant des informations sensibles transmises aux scripts du plugin ; toutes ses clés sont transmises. Facultatif.' },
    },
  },
  'core.v1.FlockerVolumeSource': {
    text: "Volume Flocker monté par l'agent Flocker. Obsolète : ce pilote a été retiré de Kubernetes en v1.25.",
    chapter: 'volumes',
    properties: {
      datasetName: { text: 'Nom du dataset Flocker, lui-même considéré comme obsolète : préfère `datasetUUID`. Renseigne un seul des deux champs.' },
      datasetUUID: { text: 'UUID du dataset Flocker, son identifiant unique. Renseigne un seul des deux champs `datasetName` et `datasetUUID`.' },
    },
  },
  'core.v1.GCEPersistentDiskVolumeSource': {
    text: 'Disque persistant Google Compute Engine monté dans un Pod. Obsolète : Kubernetes redirige ces volumes vers le pilote CSI `pd.csi.storage.gke.io`, à utiliser directement. Le disque doit exister dans le même projet et la même zone que le nœud ; il est monté en lecture-écriture par un seul nœud, ou en lecture seule par plusieurs.',
    chapter: 'volumes',
    properties: {
      fsType: {
        text: "Type de système de fichiers à monter (par exemple `ext4`, `xfs` ou `ntfs`) ; il doit être pris en charge par le système d'exploitation du nœud.",
        default: 'ext4',
      },
      partition: { text: 'Numéro de la partition à monter, par exemple `1` pour `/dev/sda1`. Sans valeur (ou avec `0`), tout le disque est monté.' },
      pdName: { text: 'Nom du disque persistant dans GCE.' },
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule, quelle que soit la valeur de `readOnly` dans les `volumeMounts` des conteneurs.',
        default: 'false',
      },
    },
  },
  'core.v1.GitRepoVolumeSource': {
    text: "Volume rempli avec le contenu d'un dépôt Git. Obsolète : monte plutôt un `emptyDir` dans un init container qui clone le dépôt avec `git`, puis monte ce même `emptyDir` dans le conteneur de l'application.",
    chapter: 'volumes',
    properties: {
      directory: { text: 'Répertoire cible dans le volume. Avec `.`, le dépôt est cloné à la racine du volume ; sinon, dans un sous-répertoire de ce nom. Ne doit pas contenir `..`.' },
      repository: { text: 'URL du dépôt Git à cloner.' },
      revision: { text: 'Hash du commit à récupérer.' },
    },
  },
  'core.v1.GlusterfsPersistentVolumeSource': {
    text: "Volume GlusterFS (système de fichiers distribué) utilisé comme source d'un PersistentVolume. Obsolète : ce pilote a été retiré de Kubernetes en v1.26.",
    chapter: 'volumes',
    properties: {
      endpoints: { text: "Nom de l'objet Endpoints qui liste les serveurs GlusterFS." },
      endpointsNamespace: {
        text: "Namespace de l'objet Endpoints GlusterFS.",
        default: 'le namespace de la PVC liée',
      },
      path: { text: 'Nom du volume GlusterFS à monter.' },
      readOnly: {
        text: 'Si `true`, le volume GlusterFS est monté en lecture seule.',
        default: 'false',
      },
    },
  },
  'core.v1.GlusterfsVolumeSource': {
    text: 'Volume GlusterFS (système de fichiers distribué) monté directement dans un Pod. Obsolète : ce pilote a été retiré de Kubernetes en v1.26.',
    chapter: 'volumes',
    properties: {
      endpoints: { text: "Nom de l'objet Endpoints qui liste les serveurs GlusterFS." },
      path: { text: 'Nom du volume GlusterFS à monter.' },
      readOnly: {
        text: 'Si `true`, le volume GlusterFS est monté en lecture seule.',
        default: 'false',
      },
    },
  },
  'core.v1.HostPathVolumeSource': {
    text: "Monte dans le Pod un fichier ou un répertoire du nœud. À manier avec précaution : les données dépendent du nœud où tourne le Pod, et l'accès au système de l'hôte pose des risques de sécurité. Réservé surtout aux agents système (logs, supervision) et aux tests sur un cluster à un seul nœud.",
    chapter: 'volumes',
    properties: {
      path: {
        text: "Chemin du fichier ou du répertoire sur le nœud. Un lien symbolique est suivi jusqu'au chemin réel.",
        example: 'hostPath:\n  path: /var/log',
      },
      type: {
        text: "Vérification faite avant le montage : `DirectoryOrCreate`, `Directory`, `FileOrCreate`, `File`, `Socket`, `CharDevice` ou `BlockDevice`. Vide, aucune vérification n'est faite.",
        default: '"" (aucune vérification)',
        example: 'type: DirectoryOrCreate',
      },
    },
  },
  'core.v1.ISCSIPersistentVolumeSource': {
    text: "Disque iSCSI (stockage en mode bloc via le réseau) utilisé comme source d'un PersistentVolume. Il ne peut être monté en lecture-écriture que par un seul nœud à la fois.",
    chapter: 'volumes',
    properties: {
      chapAuthDiscovery: { text: "Active l'authentification CHAP pendant la découverte des cibles iSCSI." },
      chapAuthSession: { text: "Active l'authentification CHAP pour la session iSCSI." },
      fsType: {
        text: "Type de système de fichiers à monter (par exemple `ext4`, `xfs` ou `ntfs`) ; il doit être pris en charge par le système d'exploitation du nœud.",
        default: 'ext4',
      },
      initiatorName: { text: "Nom d'initiateur iSCSI personnalisé. Utilisé avec `iscsiInterface`, il entraîne la création d'une nouvelle interface iSCSI `<portail cible>:<nom du volume>` pour la connexion." },
      iqn: { text: 'Nom qualifié iSCSI (IQN) de la cible.' },
      iscsiInterface: {
        text: "Nom de l'interface iSCSI (le transport) à utiliser.",
        default: 'default (TCP)',
      },
      lun: { text: 'Numéro de LUN de la cible iSCSI.' },
      portals: { text: "Liste de portails cibles supplémentaires : adresse IP, ou `ip:port` si le port n'est pas le port standard (en général 860 ou 3260)." },
      readOnly: {
        text: 'Si `true`, force le montage en lecture seule dans les `volumeMounts`.',
        default: 'false',
      },
      secretRef: { text: "Secret CHAP utilisé pour l'authentification entre la cible et l'initiateur iSCSI." },
      targetPortal: { text: "Portail de la cible iSCSI : adresse IP, ou `ip:port` si le port n'est pas le port standard (en général 860 ou 3260)." },
    },
  },
  'core.v1.ISCSIVolumeSource': {
    text: 'Disque iSCSI (stockage en mode bloc via le réseau) monté directement dans un Pod. Il ne peut être monté en lecture-écriture que par un seul nœud à la fois.',
    chapter: 'volumes',
    properties: {
      chapAuthDiscovery: { text: "Active l'authentification CHAP pendant la découverte des cibles iSCSI." },
      chapAuthSession: { text: "Active l'authentification CHAP pour la session iSCSI." },
      fsType: {
        text: "Type de système de fichiers à monter (par exemple `ext4`, `xfs` ou `ntfs`) ; il doit être pris en charge par le système d'exploitation du nœud.",
        default: 'ext4',
      },
      initiatorName: { text: "Nom d'initiateur iSCSI personnalisé. Utilisé avec `iscsiInterface`, il entraîne la création d'une nouvelle interface iSCSI `<portail cible>:<nom du volume>` pour la connexion." },
      iqn: { text: 'Nom qualifié iSCSI (IQN) de la cible.' },
      iscsiInterface: {
        text: "Nom de l'interface iSCSI (le transport) à utiliser.",
        default: 'default (TCP)',
      },
      lun: { text: 'Numéro de LUN de la cible iSCSI.' },
      portals: { text: "Liste de portails cibles supplémentaires : adresse IP, ou `ip:port` si le port n'est pas le port standard (en général 860 ou 3260)." },
      readOnly: {
        text: 'Si `true`, force le montage en lecture seule dans les `volumeMounts`.',
        default: 'false',
      },
      secretRef: { text: "Secret CHAP utilisé pour l'authentification entre la cible et l'initiateur iSCSI." },
      targetPortal: { text: "Portail de la cible iSCSI : adresse IP, ou `ip:port` si le port n'est pas le port standard (en général 860 ou 3260)." },
    },
  },
  'core.v1.KeyToPath': {
    text: "Associe une clé d'une ConfigMap ou d'un Secret à un fichier du volume.",
    chapter: 'volumes',
    properties: {
      key: { text: 'Clé de la ConfigMap ou du Secret dont la valeur sera écrite dans le fichier.' },
      mode: {
        text: "Permissions de ce fichier, en octal (de `0000` à `0777`) ou en décimal (de 0 à 511). D'autres réglages comme `fsGroup` peuvent modifier le résultat.",
        default: 'le `defaultMode` du volume',
      },
      path: {
        text: 'Chemin relatif du fichier qui reçoit la valeur de la clé ; il ne doit être ni absolu ni contenir `..`.',
        example: '- key: app.properties\n  path: config/app.properties',
      },
    },
  },
  'core.v1.LocalVolumeSource': {
    text: "Stockage local d'un nœud (disque, partition ou répertoire) utilisé comme source d'un PersistentVolume. Le PV doit avoir une `nodeAffinity` vers ce nœud, et les Pods qui l'utilisent y sont placés. Plus rapide qu'un stockage réseau, mais les données deviennent inaccessibles si le nœud tombe.",
    chapter: 'volumes',
    properties: {
      fsType: { text: 'Type de système de fichiers, seulement quand `path` désigne un périphérique bloc ; sans valeur, il est détecté automatiquement.' },
      path: {
        text: 'Chemin complet du volume sur le nœud : un répertoire ou un périphérique bloc (disque, partition…).',
        example: 'local:\n  path: /mnt/disks/ssd1',
      },
    },
  },
  'core.v1.ModifyVolumeStatus': {
    text: "État de la modification d'un volume demandée par un changement de VolumeAttributesClass. Rempli par Kubernetes (lecture seule) ; fonctionnalité alpha.",
    chapter: 'volumes',
    properties: {
      status: { text: "État de la modification : `Pending` (impossible pour l'instant, par exemple parce que la VolumeAttributesClass n'existe pas), `InProgress` (en cours) ou `Infeasible` (refusée par le pilote CSI : il faut indiquer une classe valide)." },
      targetVolumeAttributesClassName: { text: 'Nom de la VolumeAttributesClass vers laquelle la PVC est en train de passer.' },
    },
  },
  'core.v1.NFSVolumeSource': {
    text: 'Monte un partage NFS (Network File System) existant. Les données restent sur le serveur NFS : elles survivent au Pod et peuvent être partagées par plusieurs Pods, sur plusieurs nœuds, en même temps.',
    chapter: 'volumes',
    properties: {
      path: {
        text: 'Chemin exporté par le serveur NFS.',
        example: 'nfs:\n  server: nfs.example.com\n  path: /exports/data',
      },
      readOnly: {
        text: 'Si `true`, le partage NFS est monté en lecture seule.',
        default: 'false',
      },
      server: {
        text: "Nom d'hôte ou adresse IP du serveur NFS.",
        example: 'server: 10.0.0.5',
      },
    },
  },
  'core.v1.PersistentVolume': {
    text: "Un morceau de stockage du cluster (disque cloud, partage NFS, disque local…), créé à l'avance par un administrateur ou automatiquement par une StorageClass. Comme un nœud, c'est une ressource du cluster, sans namespace, et sa durée de vie ne dépend d'aucun Pod. Un Pod ne l'utilise pas directement : il passe par une PersistentVolumeClaim liée au PV.",
    chapter: 'volumes',
    properties: {
      apiVersion: {
        text: "Version de l'API de l'objet : `v1` pour un PersistentVolume.",
        example: 'apiVersion: v1',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet : `PersistentVolume`.",
        example: 'kind: PersistentVolume',
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées du PV : nom, labels, annotations… Un PersistentVolume n'a pas de namespace.",
        chapter: 'api-kubectl',
      },
      spec: { text: "Description du volume : capacité, modes d'accès, politique de récupération, StorageClass et source du stockage (NFS, CSI, hostPath…)." },
      status: { text: "État actuel du volume, rempli par Kubernetes (lecture seule) : sa phase (`Available`, `Bound`, `Released`, `Failed`) et un éventuel message d'erreur." },
    },
  },
  'core.v1.PersistentVolumeClaim': {
    text: 'Une demande de stockage faite par un utilisateur, du genre « je veux 5Gi en `ReadWriteOnce` ». Kubernetes la lie à un PersistentVolume qui convient, ou en crée un via la StorageClass ; le Pod monte ensuite le volume en citant la PVC par son nom. Une PVC appartient à un namespace ; un StatefulSet en crée une par Pod avec `volumeClaimTemplates`.',
    chapter: 'volumes',
    properties: {
      apiVersion: {
        text: "Version de l'API de l'objet : `v1` pour une PersistentVolumeClaim.",
        example: 'apiVersion: v1',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet : `PersistentVolumeClaim`.",
        example: 'kind: PersistentVolumeClaim',
        chapter: 'api-kubectl',
      },
      metadata: {
        text: 'Métadonnées de la PVC : son nom (celui que cite le Pod dans `claimName`), son namespace, ses labels et annotations.',
        chapter: 'api-kubectl',
      },
      spec: { text: "Ce que tu demandes : taille, modes d'accès, StorageClass, et éventuellement un PV précis ou une source de données." },
      status: { text: "État actuel de la demande, rempli par Kubernetes (lecture seule) : phase (`Pending`, `Bound`, `Lost`), capacité réellement obtenue, modes d'accès et conditions." },
    },
  },
  'core.v1.PersistentVolumeClaimCondition': {
    text: "Une condition qui décrit l'état d'une PVC, par exemple un agrandissement en cours. Remplie par Kubernetes (lecture seule).",
    chapter: 'volumes',
    properties: {
      lastProbeTime: { text: 'Date de la dernière vérification de la condition.' },
      lastTransitionTime: { text: 'Date du dernier changement de statut de la condition.' },
      message: { text: 'Message lisible qui détaille le dernier changement.' },
      reason: { text: "Raison courte, en CamelCase, du dernier changement ; `Resizing` signifie que le volume est en cours d'agrandissement." },
      status: { text: 'Statut de la condition : `True`, `False` ou `Unknown`.' },
      type: { text: 'Type de condition, par exemple `Resizing` (agrandissement du volume en cours) ou `FileSystemResizePending` (le système de fichiers doit encore être agrandi sur le nœud).' },
    },
  },
  'core.v1.PersistentVolumeClaimSpec': {
    text: "Les caractéristiques du stockage demandé par une PVC : taille, modes d'accès, StorageClass, et éventuellement le PV précis à utiliser ou les données de départ.",
    chapter: 'volumes',
    properties: {
      accessModes: {
        text: "Modes d'accès voulus : `ReadWriteOnce` (lecture-écriture par un seul nœud), `ReadOnlyMany` (lecture seule par plusieurs nœuds), `ReadWriteMany` (lecture-écriture par plusieurs nœuds) ou `ReadWriteOncePod` (lecture-écriture par un seul Pod). Le PV lié doit proposer ces modes.",
        example: 'accessModes:\n  - ReadWriteOnce',
      },
      dataSource: { text: 'Source des données de départ du volume : un VolumeSnapshot existant ou une autre PVC à cloner. Les autres types sont ignorés, et le provisionneur doit prendre en charge cette fonctionnalité.' },
      dataSourceRef: { text: "Version plus générale de `dataSource` : l'objet qui remplit le volume peut être une PVC ou n'importe quel objet hors du groupe core, pris en charge par un « volume populator ». Si les deux champs sont renseignés, ils doivent être identiques ; avec un `namespace`, `dataSource` doit rester vide." },
      resources: {
        text: 'Taille minimale demandée, dans `requests.storage`. Si la StorageClass le permet (`allowVolumeExpansion`), augmenter cette valeur agrandit le volume ; la diminuer est refusé.',
        example: 'resources:\n  requests:\n    storage: 5Gi',
      },
      selector: {
        text: 'Sélecteur de labels qui restreint les PV auxquels la PVC peut se lier. Une PVC avec un sélecteur ne déclenche pas de création dynamique de volume.',
        example: 'selector:\n  matchLabels:\n    type: ssd',
      },
      storageClassName: {
        text: "Nom de la StorageClass voulue. Sans valeur, la StorageClass par défaut du cluster est utilisée ; avec `\"\"` (chaîne vide), la PVC ne se lie qu'à un PV sans classe, sans création dynamique.",
        default: 'la StorageClass par défaut du cluster',
        example: 'storageClassName: standard',
      },
      volumeAttributesClassName: { text: 'Nom de la VolumeAttributesClass à appliquer au volume (performances, IOPS…). Contrairement à `storageClassName`, elle peut être changée après la création. Fonctionnalité alpha en v1.30.' },
      volumeMode: {
        text: '`Filesystem` (volume formaté, monté comme un répertoire) ou `Block` (périphérique bloc brut, exposé au conteneur par `volumeDevices`).',
        default: 'Filesystem',
      },
      volumeName: {
        text: "Nom d'un PersistentVolume précis auquel lier cette PVC. Kubernetes le renseigne aussi lui-même une fois la liaison faite.",
        example: 'volumeName: pv-nfs-01',
      },
    },
  },
  'core.v1.PersistentVolumeClaimStatus': {
    text: "État actuel d'une PVC, rempli par Kubernetes (lecture seule) : phase, capacité obtenue, modes d'accès et opérations en cours.",
    chapter: 'volumes',
    properties: {
      accessModes: { text: "Modes d'accès réellement offerts par le volume lié." },
      allocatedResourceStatuses: { text: "État de l'agrandissement en cours, par ressource (en pratique `storage`) : `ControllerResizeInProgress`, `ControllerResizeFailed`, `NodeResizePending`, `NodeResizeInProgress` ou `NodeResizeFailed`. Absent si aucun agrandissement n'est en cours. Champ alpha." },
      allocatedResources: { text: 'Ressources allouées à la PVC, dont sa capacité ; pendant un agrandissement, la valeur peut dépasser la capacité réelle. Champ alpha.' },
      capacity: { text: 'Capacité réelle du volume lié, par exemple `storage: 10Gi` ; elle peut être supérieure à ce qui a été demandé.' },
      conditions: { text: 'Conditions actuelles de la PVC ; par exemple `Resizing` pendant un agrandissement du volume.' },
      currentVolumeAttributesClassName: { text: "Nom de la VolumeAttributesClass appliquée actuellement ; absent s'il n'y en a aucune. Champ alpha." },
      modifyVolumeStatus: { text: "État de la modification de volume en cours (changement de VolumeAttributesClass) ; absent s'il n'y en a aucune. Champ alpha." },
      phase: { text: "Phase de la PVC : `Pending` (pas encore liée à un PV), `Bound` (liée, utilisable) ou `Lost` (le PV lié a disparu). C'est la colonne STATUS de `kubectl get pvc`." },
    },
  },
  'core.v1.PersistentVolumeClaimTemplate': {
    text: "Modèle de PVC d'un volume éphémère générique (`ephemeral`) : Kubernetes s'en sert pour créer la PVC de chaque Pod.",
    chapter: 'volumes',
    properties: {
      metadata: { text: "Labels et annotations à copier sur la PVC créée ; aucun autre champ n'est accepté." },
      spec: { text: "Spécification de la PVC à créer, copiée telle quelle : mêmes champs que le `spec` d'une PersistentVolumeClaim." },
    },
  },
  'core.v1.PersistentVolumeClaimVolumeSource': {
    text: "Volume d'un Pod qui utilise une PersistentVolumeClaim du même namespace : Kubernetes trouve le PV lié à la PVC et le monte. C'est la façon normale, pour un Pod, d'accéder à un stockage persistant.",
    chapter: 'volumes',
    properties: {
      claimName: {
        text: 'Nom de la PVC à utiliser, dans le même namespace que le Pod.',
        example: 'persistentVolumeClaim:\n  claimName: data-pvc',
      },
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule, quelle que soit la valeur de `readOnly` dans les `volumeMounts` des conteneurs.',
        default: 'false',
      },
    },
  },
  'core.v1.PersistentVolumeSpec': {
    text: "Description d'un PersistentVolume : capacité, modes d'accès, politique de récupération, StorageClass et source du stockage. Renseigne une seule source (`nfs`, `csi`, `hostPath`, `local`…).",
    chapter: 'volumes',
    properties: {
      accessModes: {
        text: "Modes d'accès que le volume permet : `ReadWriteOnce`, `ReadOnlyMany`, `ReadWriteMany` ou `ReadWriteOncePod`. Une PVC ne se lie qu'à un PV qui propose les modes qu'elle demande.",
        example: 'accessModes:\n  - ReadWriteMany',
      },
      awsElasticBlockStore: { text: 'Disque Amazon EBS. Obsolète : utilise `csi` avec le pilote `ebs.csi.aws.com`.' },
      azureDisk: { text: 'Disque de données Azure. Obsolète : utilise `csi` avec le pilote `disk.csi.azure.com`.' },
      azureFile: { text: 'Partage Azure Files. Obsolète : utilise `csi` avec le pilote `file.csi.azure.com`.' },
      capacity: {
        text: "Capacité du volume, par exemple `storage: 10Gi`. Une PVC ne se lie qu'à un PV dont la capacité est au moins égale à sa demande.",
        example: 'capacity:\n  storage: 10Gi',
      },
      cephfs: { text: 'Système de fichiers CephFS. Obsolète : utilise `csi` avec le pilote ceph-csi.' },
      cinder: { text: "Volume Cinder d'OpenStack. Obsolète : utilise `csi` avec le pilote `cinder.csi.openstack.org`." },
      claimRef: { text: 'Référence à la PVC liée à ce PV (la moitié PV de la liaison à double sens), remplie par Kubernetes lors de la liaison. Tu peux aussi la renseigner toi-même pour réserver le PV à une PVC précise.' },
      csi: { text: 'Volume géré par un pilote CSI externe : la source standard pour le stockage moderne (disques cloud, baies de stockage…).' },
      fc: { text: 'Volume Fibre Channel attaché au nœud.' },
      flexVolume: { text: 'Volume géré par un plugin FlexVolume. Obsolète : utilise plutôt `csi`.' },
      flocker: { text: "Volume Flocker : pilote obsolète, retiré de Kubernetes en v1.25 ; ce champ n'est plus utilisable." },
      gcePersistentDisk: { text: 'Disque persistant GCE. Obsolète : utilise `csi` avec le pilote `pd.csi.storage.gke.io`.' },
      glusterfs: { text: "Volume GlusterFS : pilote obsolète, retiré de Kubernetes en v1.26 ; ce champ n'est plus utilisable." },
      hostPath: {
        text: 'Répertoire du nœud utilisé comme volume. Pour le développement et les tests sur un cluster à un seul nœud seulement : sur plusieurs nœuds, les données dépendent du nœud où tourne le Pod.',
        example: 'hostPath:\n  path: /data/pv1',
      },
      iscsi: { text: 'Disque iSCSI attaché au nœud.' },
      local: {
        text: "Stockage local d'un nœud (disque, partition ou répertoire). Exige une `nodeAffinity` qui désigne ce nœud.",
        example: 'local:\n  path: /mnt/disks/ssd1',
      },
      mountOptions: {
        text: 'Options de montage (par exemple `hard` ou `nfsvers=4.1` pour NFS). Elles ne sont pas validées : une option invalide fait simplement échouer le montage.',
        example: 'mountOptions:\n  - hard\n  - nfsvers=4.1',
      },
      nfs: {
        text: 'Partage NFS existant.',
        example: 'nfs:\n  server: 10.0.0.5\n  path: /exports/data',
      },
      nodeAffinity: { text: 'Nœuds depuis lesquels le volume est accessible ; le scheduler ne place les Pods qui utilisent ce PV que sur ces nœuds. Obligatoire pour un volume `local`.' },
      persistentVolumeReclaimPolicy: {
        text: 'Ce qui arrive au volume quand sa PVC est supprimée : `Retain` (le PV et ses données sont gardés, à nettoyer à la main), `Delete` (le PV et le stockage sous-jacent sont supprimés) ou `Recycle` (obsolète).',
        default: '`Retain` (PV créé à la main) ; le `reclaimPolicy` de la StorageClass (PV provisionné dynamiquement)',
        example: 'persistentVolumeReclaimPolicy: Retain',
      },
      photonPersistentDisk: { text: 'Disque persistant VMware Photon Controller. Obsolète, à ne plus utiliser.' },
      portworxVolume: { text: 'Volume Portworx. Obsolète : utilise plutôt le pilote CSI de Portworx.' },
      quobyte: { text: "Volume Quobyte : pilote obsolète, retiré de Kubernetes en v1.25 ; ce champ n'est plus utilisable." },
      rbd: { text: 'Périphérique bloc Ceph RBD. Obsolète : utilise `csi` avec le pilote ceph-csi.' },
      scaleIO: { text: "Volume ScaleIO : pilote obsolète, retiré de Kubernetes en v1.22 ; ce champ n'est plus utilisable." },
      storageClassName: {
        text: "Nom de la StorageClass à laquelle appartient ce PV ; une PVC ne peut s'y lier que si elle demande la même classe. Vide, le PV n'a pas de classe et ne se lie qu'aux PVC sans classe.",
        example: 'storageClassName: manual',
      },
      storageos: { text: "Volume StorageOS : pilote obsolète, retiré de Kubernetes en v1.25 ; ce champ n'est plus utilisable." },
      volumeAttributesClassName: { text: "Nom de la VolumeAttributesClass du volume ; absent si le volume n'en a pas. Le pilote CSI peut le modifier après un changement de classe réussi. Champ alpha." },
      volumeMode: {
        text: '`Filesystem` (volume formaté, monté comme un répertoire) ou `Block` (périphérique bloc brut, non formaté).',
        default: 'Filesystem',
      },
      vsphereVolume: { text: 'Disque vSphere. Obsolète : utilise `csi` avec le pilote `csi.vsphere.vmware.com`.' },
    },
  },
  'core.v1.PersistentVolumeStatus': {
    text: "État actuel d'un PersistentVolume, rempli par Kubernetes (lecture seule).",
    chapter: 'volumes',
    properties: {
      lastPhaseTransitionTime: { text: 'Date du dernier changement de phase du volume. Champ bêta, activé par défaut.' },
      message: { text: 'Message lisible qui explique pourquoi le volume est dans cet état.' },
      phase: { text: "Phase du volume : `Pending` (pas encore disponible), `Available` (libre, pas encore lié), `Bound` (lié à une PVC), `Released` (sa PVC a été supprimée mais le volume n'a pas encore été récupéré) ou `Failed` (la récupération automatique a échoué)." },
      reason: { text: "Raison courte, en CamelCase, d'un éventuel échec ; destinée aux outils et à l'affichage de `kubectl`." },
    },
  },
  'core.v1.PhotonPersistentDiskVolumeSource': {
    text: 'Disque persistant VMware Photon Controller. Pilote obsolète, à ne plus utiliser.',
    chapter: 'volumes',
    properties: {
      fsType: {
        text: "Type de système de fichiers à monter (par exemple `ext4`, `xfs` ou `ntfs`) ; il doit être pris en charge par le système d'exploitation du nœud.",
        default: 'ext4',
      },
      pdID: { text: 'Identifiant du disque persistant Photon Controller.' },
    },
  },
  'core.v1.PortworxVolumeSource': {
    text: 'Volume Portworx. Pilote intégré obsolète : utilise plutôt le pilote CSI de Portworx (`pxd.portworx.com`).',
    chapter: 'volumes',
    properties: {
      fsType: {
        text: "Type de système de fichiers à monter (par exemple `ext4`, `xfs` ou `ntfs`) ; il doit être pris en charge par le système d'exploitation du nœud.",
        default: 'ext4',
      },
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule, quelle que soit la valeur de `readOnly` dans les `volumeMounts` des conteneurs.',
        default: 'false',
      },
      volumeID: { text: 'Identifiant unique du volume Portworx.' },
    },
  },
  'core.v1.ProjectedVolumeSource': {
    text: "Volume `projected` : réunit dans un même répertoire plusieurs sources (Secrets, ConfigMaps, Downward API, jeton de ServiceAccount, certificats). C'est avec ce type de volume que Kubernetes fournit automatiquement à chaque Pod son jeton d'accès à l'API.",
    chapter: 'volumes',
    properties: {
      defaultMode: {
        text: "Permissions appliquées par défaut aux fichiers créés dans le volume, en octal (de `0000` à `0777`) ou en décimal (de 0 à 511) ; le JSON n'accepte que le décimal. Les répertoires ne sont pas concernés, et d'autres réglages comme `fsGroup` peuvent modifier le résultat.",
        default: '0644',
      },
      sources: {
        text: 'Liste des sources à réunir dans le volume ; chaque élément en décrit une seule.',
        example: 'projected:\n  sources:\n    - configMap:\n        name: app-config\n    - secret:\n        name: app-secret',
      },
    },
  },
  'core.v1.QuobyteVolumeSource': {
    text: 'Volume Quobyte. Obsolète : ce pilote a été retiré de Kubernetes en v1.25.',
    chapter: 'volumes',
    properties: {
      group: { text: 'Groupe auquel rattacher les accès au volume ; aucun par défaut.' },
      readOnly: {
        text: 'Si `true`, le volume Quobyte est monté en lecture seule.',
        default: 'false',
      },
      registry: { text: 'Un ou plusieurs services Quobyte Registry, au format `hôte:port` séparés par des virgules ; ils servent de registre central des volumes.' },
      tenant: { text: 'Tenant Quobyte propriétaire du volume ; renseigné par le plugin pour les volumes provisionnés dynamiquement.' },
      user: { text: 'Utilisateur auquel rattacher les accès au volume ; par défaut, celui du ServiceAccount.' },
      volume: { text: "Nom d'un volume Quobyte déjà créé." },
    },
  },
  'core.v1.RBDPersistentVolumeSource': {
    text: "Périphérique bloc Ceph RBD (RADOS Block Device) utilisé comme source d'un PersistentVolume. Pilote intégré obsolète (retiré en v1.31) : utilise plutôt le pilote CSI de Ceph (ceph-csi).",
    chapter: 'volumes',
    properties: {
      fsType: {
        text: "Type de système de fichiers à monter (par exemple `ext4`, `xfs` ou `ntfs`) ; il doit être pris en charge par le système d'exploitation du nœud.",
        default: 'ext4',
      },
      image: { text: "Nom de l'image RADOS (le disque) à monter." },
      keyring: {
        text: "Chemin du trousseau de clés (keyring) de l'utilisateur RBD sur le nœud.",
        default: '/etc/ceph/keyring',
      },
      monitors: { text: 'Liste des moniteurs Ceph à contacter.' },
      pool: {
        text: "Nom du pool RADOS qui contient l'image.",
        default: 'rbd',
      },
      readOnly: {
        text: 'Si `true`, force le montage en lecture seule dans les `volumeMounts`.',
        default: 'false',
      },
      secretRef: { text: "Secret d'authentification de l'utilisateur RBD ; s'il est fourni, il remplace `keyring`." },
      user: {
        text: "Nom de l'utilisateur RADOS.",
        default: 'admin',
      },
    },
  },
  'core.v1.RBDVolumeSource': {
    text: 'Périphérique bloc Ceph RBD (RADOS Block Device) monté directement dans un Pod. Pilote intégré obsolète (retiré en v1.31) : utilise plutôt le pilote CSI de Ceph (ceph-csi).',
    chapter: 'volumes',
    properties: {
      fsType: {
        text: "Type de système de fichiers à monter (par exemple `ext4`, `xfs` ou `ntfs`) ; il doit être pris en charge par le système d'exploitation du nœud.",
        default: 'ext4',
      },
      image: { text: "Nom de l'image RADOS (le disque) à monter." },
      keyring: {
        text: "Chemin du trousseau de clés (keyring) de l'utilisateur RBD sur le nœud.",
        default: '/etc/ceph/keyring',
      },
      monitors: { text: 'Liste des moniteurs Ceph à contacter.' },
      pool: {
        text: "Nom du pool RADOS qui contient l'image.",
        default: 'rbd',
      },
      readOnly: {
        text: 'Si `true`, force le montage en lecture seule dans les `volumeMounts`.',
        default: 'false',
      },
      secretRef: { text: "Secret d'authentification de l'utilisateur RBD ; s'il est fourni, il remplace `keyring`." },
      user: {
        text: "Nom de l'utilisateur RADOS.",
        default: 'admin',
      },
    },
  },
  'core.v1.ScaleIOPersistentVolumeSource': {
    text: 'Volume Dell EMC ScaleIO. Obsolète : ce pilote a été retiré de Kubernetes en v1.22.',
    chapter: 'volumes',
    properties: {
      fsType: {
        text: "Type de système de fichiers à monter (par exemple `ext4`, `xfs` ou `ntfs`) ; il doit être pris en charge par le système d'exploitation du nœud.",
        default: 'xfs',
      },
      gateway: { text: "Adresse de la passerelle d'API ScaleIO." },
      protectionDomain: { text: 'Nom du domaine de protection ScaleIO du stockage.' },
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule, quelle que soit la valeur de `readOnly` dans les `volumeMounts` des conteneurs.',
        default: 'false',
      },
      secretRef: { text: "Secret contenant l'utilisateur ScaleIO et les autres informations sensibles ; sans lui, la connexion échoue." },
      sslEnabled: {
        text: 'Active SSL pour les échanges avec la passerelle.',
        default: 'false',
      },
      storageMode: {
        text: "`ThickProvisioned` (tout l'espace est réservé d'avance) ou `ThinProvisioned` (l'espace est alloué au fur et à mesure).",
        default: 'ThinProvisioned',
      },
      storagePool: { text: 'Pool de stockage ScaleIO associé au domaine de protection.' },
      system: { text: 'Nom du système de stockage configuré dans ScaleIO.' },
      volumeName: { text: "Nom d'un volume déjà créé dans ScaleIO." },
    },
  },
  'core.v1.ScaleIOVolumeSource': {
    text: 'Volume Dell EMC ScaleIO. Obsolète : ce pilote a été retiré de Kubernetes en v1.22.',
    chapter: 'volumes',
    properties: {
      fsType: {
        text: "Type de système de fichiers à monter (par exemple `ext4`, `xfs` ou `ntfs`) ; il doit être pris en charge par le système d'exploitation du nœud.",
        default: 'xfs',
      },
      gateway: { text: "Adresse de la passerelle d'API ScaleIO." },
      protectionDomain: { text: 'Nom du domaine de protection ScaleIO du stockage.' },
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule, quelle que soit la valeur de `readOnly` dans les `volumeMounts` des conteneurs.',
        default: 'false',
      },
      secretRef: { text: "Secret contenant l'utilisateur ScaleIO et les autres informations sensibles ; sans lui, la connexion échoue." },
      sslEnabled: {
        text: 'Active SSL pour les échanges avec la passerelle.',
        default: 'false',
      },
      storageMode: {
        text: "`ThickProvisioned` (tout l'espace est réservé d'avance) ou `ThinProvisioned` (l'espace est alloué au fur et à mesure).",
        default: 'ThinProvisioned',
      },
      storagePool: { text: 'Pool de stockage ScaleIO associé au domaine de protection.' },
      system: { text: 'Nom du système de stockage configuré dans ScaleIO.' },
      volumeName: { text: "Nom d'un volume déjà créé dans ScaleIO." },
    },
  },
  'core.v1.SecretProjection': {
    text: "Place les données d'un Secret dans un volume `projected`, une clé par fichier. Fonctionne comme un volume `secret`, sans `defaultMode` propre.",
    chapter: 'volumes',
    properties: {
      items: { text: 'Liste des clés du Secret à placer dans le volume, avec le chemin du fichier pour chacune. Sans `items`, chaque clé devient un fichier du même nom ; avec `items`, seules les clés listées apparaissent. Une clé introuvable fait échouer le montage, sauf si `optional: true`.' },
      name: { text: 'Nom du Secret à projeter, dans le namespace du Pod.' },
      optional: { text: "Si `true`, le Pod démarre même si le Secret ou les clés demandées n'existent pas." },
    },
  },
  'core.v1.SecretReference': {
    text: "Référence à un Secret par son nom et son namespace, ce qui permet de viser un Secret d'un autre namespace. Sert surtout aux sources de stockage des PersistentVolumes (identifiants pour CSI, Ceph, iSCSI…).",
    chapter: 'volumes',
    properties: {
      name: { text: 'Nom du Secret.' },
      namespace: { text: 'Namespace du Secret.' },
    },
  },
  'core.v1.SecretVolumeSource': {
    text: 'Monte un Secret comme volume : chaque clé devient un fichier qui contient la valeur décodée. Sur le nœud, le volume est gardé en mémoire (tmpfs), jamais écrit sur disque ; les fichiers sont mis à jour quand le Secret change, sauf pour un montage avec `subPath`.',
    chapter: 'volumes',
    properties: {
      defaultMode: {
        text: "Permissions appliquées par défaut aux fichiers créés dans le volume, en octal (de `0000` à `0777`) ou en décimal (de 0 à 511) ; le JSON n'accepte que le décimal. Les répertoires ne sont pas concernés, et d'autres réglages comme `fsGroup` peuvent modifier le résultat.",
        default: '0644',
        example: 'defaultMode: 0400',
      },
      items: {
        text: 'Liste des clés du Secret à placer dans le volume, avec le chemin du fichier pour chacune. Sans `items`, chaque clé devient un fichier du même nom ; avec `items`, seules les clés listées apparaissent. Une clé introuvable fait échouer le montage, sauf si `optional: true`.',
        example: 'items:\n  - key: tls.crt\n    path: server.crt',
      },
      optional: { text: "Si `true`, le Pod démarre même si le Secret ou certaines clés n'existent pas." },
      secretName: {
        text: 'Nom du Secret à monter, dans le namespace du Pod.',
        example: 'secret:\n  secretName: db-credentials',
      },
    },
  },
  'core.v1.ServiceAccountTokenProjection': {
    text: "Place dans le volume un jeton de ServiceAccount à durée limitée, que le conteneur utilise pour s'authentifier auprès de l'API Kubernetes ou d'un autre service. Le kubelet renouvelle le jeton automatiquement avant son expiration.",
    chapter: 'volumes',
    properties: {
      audience: {
        text: "Destinataire prévu du jeton : le service qui le reçoit doit vérifier qu'il figure dans l'audience, et sinon refuser le jeton.",
        default: "l'identifiant de l'API server",
      },
      expirationSeconds: {
        text: 'Durée de validité demandée pour le jeton, en secondes (au moins 600). Le kubelet le renouvelle quand il a dépassé 80 % de sa durée de vie ou 24 heures.',
        default: '3600',
        example: 'expirationSeconds: 3600',
      },
      path: {
        text: 'Chemin du fichier qui contiendra le jeton, relatif au point de montage.',
        example: 'serviceAccountToken:\n  path: token\n  audience: vault',
      },
    },
  },
  'core.v1.StorageOSPersistentVolumeSource': {
    text: 'Volume StorageOS. Obsolète : ce pilote a été retiré de Kubernetes en v1.25.',
    chapter: 'volumes',
    properties: {
      fsType: {
        text: "Type de système de fichiers à monter (par exemple `ext4`, `xfs` ou `ntfs`) ; il doit être pris en charge par le système d'exploitation du nœud.",
        default: 'ext4',
      },
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule, quelle que soit la valeur de `readOnly` dans les `volumeMounts` des conteneurs.',
        default: 'false',
      },
      secretRef: { text: "Secret contenant les identifiants de l'API StorageOS ; sans lui, des valeurs par défaut sont essayées." },
      volumeName: { text: 'Nom lisible du volume StorageOS, unique dans son namespace StorageOS.' },
      volumeNamespace: {
        text: "Namespace StorageOS du volume ; mets `default` si tu n'utilises pas les namespaces de StorageOS.",
        default: 'le namespace du Pod',
      },
    },
  },
  'core.v1.StorageOSVolumeSource': {
    text: 'Volume StorageOS. Obsolète : ce pilote a été retiré de Kubernetes en v1.25.',
    chapter: 'volumes',
    properties: {
      fsType: {
        text: "Type de système de fichiers à monter (par exemple `ext4`, `xfs` ou `ntfs`) ; il doit être pris en charge par le système d'exploitation du nœud.",
        default: 'ext4',
      },
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule, quelle que soit la valeur de `readOnly` dans les `volumeMounts` des conteneurs.',
        default: 'false',
      },
      secretRef: { text: "Secret contenant les identifiants de l'API StorageOS ; sans lui, des valeurs par défaut sont essayées." },
      volumeName: { text: 'Nom lisible du volume StorageOS, unique dans son namespace StorageOS.' },
      volumeNamespace: {
        text: "Namespace StorageOS du volume ; mets `default` si tu n'utilises pas les namespaces de StorageOS.",
        default: 'le namespace du Pod',
      },
    },
  },
  'core.v1.TopologySelectorLabelRequirement': {
    text: 'Une condition de topologie : un label et la liste des valeurs acceptées.',
    chapter: 'volumes',
    properties: {
      key: {
        text: 'Clé du label visé, par exemple `topology.kubernetes.io/zone`.',
        example: 'key: topology.kubernetes.io/zone',
      },
      values: { text: "Valeurs acceptées pour ce label ; il suffit que l'une d'elles corresponde (OU logique)." },
    },
  },
  'core.v1.TopologySelectorTerm': {
    text: 'Un ensemble de conditions de topologie qui doivent toutes être vraies (ET logique). Un terme vide ne correspond à rien.',
    chapter: 'volumes',
    properties: {
      matchLabelExpressions: {
        text: 'Liste de conditions sur les labels de topologie (zone, région…).',
        example: 'matchLabelExpressions:\n  - key: topology.kubernetes.io/zone\n    values:\n      - europe-west1-b',
      },
    },
  },
  'core.v1.TypedLocalObjectReference': {
    text: "Référence à un objet du même namespace, désigné par son groupe d'API, son type et son nom. Sert par exemple pour la source de données d'une PVC (`dataSource`) ou pour un backend d'Ingress de type ressource.",
    chapter: 'volumes',
    properties: {
      apiGroup: { text: "Groupe d'API de l'objet visé, par exemple `snapshot.storage.k8s.io`. Absent, le type doit appartenir au groupe core ; pour tout autre type, il est obligatoire." },
      kind: { text: "Type de l'objet visé, par exemple `VolumeSnapshot` ou `PersistentVolumeClaim`." },
      name: { text: "Nom de l'objet visé." },
    },
  },
  'core.v1.TypedObjectReference': {
    text: "Référence à un objet désigné par son groupe d'API, son type, son nom et éventuellement son namespace. Sert au champ `dataSourceRef` d'une PVC.",
    chapter: 'volumes',
    properties: {
      apiGroup: { text: "Groupe d'API de l'objet visé, par exemple `snapshot.storage.k8s.io`. Absent, le type doit appartenir au groupe core ; pour tout autre type, il est obligatoire." },
      kind: { text: "Type de l'objet visé, par exemple `VolumeSnapshot` ou `PersistentVolumeClaim`." },
      name: { text: "Nom de l'objet visé." },
      namespace: { text: "Namespace de l'objet visé, s'il n'est pas dans celui de la PVC. Il faut alors un objet ReferenceGrant dans ce namespace pour autoriser la référence. Alpha (feature gate `CrossNamespaceVolumeDataSource`)." },
    },
  },
  'core.v1.Volume': {
    text: "Un volume déclaré dans `spec.volumes` d'un Pod : un nom et une source, une seule par volume (`emptyDir`, `configMap`, `secret`, `persistentVolumeClaim`…). Chaque conteneur qui en a besoin le monte avec `volumeMounts`. Un volume permet de garder des données quand un conteneur redémarre, de les partager entre conteneurs, ou, avec une PVC, de les conserver au-delà de la vie du Pod.",
    chapter: 'volumes',
    properties: {
      awsElasticBlockStore: { text: 'Disque Amazon EBS. Obsolète : passe plutôt par une PVC et le pilote CSI `ebs.csi.aws.com`.' },
      azureDisk: { text: 'Disque de données Azure. Obsolète : passe plutôt par une PVC et le pilote CSI `disk.csi.azure.com`.' },
      azureFile: { text: 'Partage Azure Files. Obsolète : passe plutôt par une PVC et le pilote CSI `file.csi.azure.com`.' },
      cephfs: { text: 'Système de fichiers CephFS. Obsolète : passe plutôt par une PVC et le pilote CSI ceph-csi.' },
      cinder: { text: "Volume Cinder d'OpenStack. Obsolète : passe plutôt par une PVC et le pilote CSI `cinder.csi.openstack.org`." },
      configMap: {
        text: 'Monte une ConfigMap : chaque clé devient un fichier dans le répertoire de montage. Idéal pour des fichiers de configuration.',
        example: 'configMap:\n  name: app-config',
      },
      csi: { text: 'Volume éphémère fourni par un pilote CSI qui accepte ce mode (par exemple Secrets Store CSI).' },
      downwardAPI: { text: 'Expose des informations sur le Pod (nom, namespace, labels, annotations, ressources) sous forme de fichiers.' },
      emptyDir: {
        text: 'Répertoire vide créé au démarrage du Pod et effacé avec lui : pour des fichiers temporaires ou pour partager des fichiers entre les conteneurs du Pod.',
        example: 'emptyDir: {}',
      },
      ephemeral: { text: "Volume éphémère générique : une PVC créée pour le Pod à partir d'un modèle, via une StorageClass, et supprimée avec lui. Pour des données qui doivent survivre au Pod, utilise plutôt `persistentVolumeClaim`." },
      fc: { text: 'Volume Fibre Channel attaché au nœud.' },
      flexVolume: { text: 'Volume géré par un plugin FlexVolume. Obsolète : utilise plutôt un pilote CSI.' },
      flocker: { text: "Volume Flocker : pilote obsolète, retiré de Kubernetes en v1.25 ; ce champ n'est plus utilisable." },
      gcePersistentDisk: { text: 'Disque persistant GCE. Obsolète : passe plutôt par une PVC et le pilote CSI `pd.csi.storage.gke.io`.' },
      gitRepo: { text: 'Clone un dépôt Git dans le volume. Obsolète : clone plutôt le dépôt dans un `emptyDir` depuis un init container.' },
      glusterfs: { text: "Volume GlusterFS : pilote obsolète, retiré de Kubernetes en v1.26 ; ce champ n'est plus utilisable." },
      hostPath: {
        text: 'Monte un fichier ou un répertoire du nœud dans le Pod. Rarement nécessaire et risqué pour la sécurité : réservé aux agents système et aux tests.',
        example: 'hostPath:\n  path: /var/log',
      },
      iscsi: { text: 'Disque iSCSI attaché au nœud.' },
      name: {
        text: "Nom du volume, unique dans le Pod (format DNS : minuscules, chiffres et tirets). C'est ce nom que cite le champ `name` des `volumeMounts` d'un conteneur.",
        example: 'volumes:\n  - name: config\n    configMap:\n      name: app-config',
      },
      nfs: {
        text: 'Monte un partage NFS existant ; les données survivent au Pod et peuvent être partagées entre plusieurs Pods.',
        example: 'nfs:\n  server: 10.0.0.5\n  path: /exports/data',
      },
      persistentVolumeClaim: {
        text: "Utilise une PersistentVolumeClaim du même namespace : le Pod accède au stockage persistant lié à cette PVC. C'est la façon normale de conserver des données au-delà de la vie du Pod.",
        example: 'persistentVolumeClaim:\n  claimName: data-pvc',
      },
      photonPersistentDisk: { text: 'Disque persistant VMware Photon Controller. Obsolète, à ne plus utiliser.' },
      portworxVolume: { text: 'Volume Portworx. Obsolète : utilise plutôt le pilote CSI de Portworx.' },
      projected: { text: 'Réunit plusieurs sources (Secrets, ConfigMaps, Downward API, jeton de ServiceAccount) dans un même répertoire.' },
      quobyte: { text: "Volume Quobyte : pilote obsolète, retiré de Kubernetes en v1.25 ; ce champ n'est plus utilisable." },
      rbd: { text: 'Périphérique bloc Ceph RBD. Obsolète : passe plutôt par une PVC et le pilote CSI ceph-csi.' },
      scaleIO: { text: "Volume ScaleIO : pilote obsolète, retiré de Kubernetes en v1.22 ; ce champ n'est plus utilisable." },
      secret: {
        text: 'Monte un Secret : chaque clé devient un fichier, gardé en mémoire sur le nœud. Pour des mots de passe, des clés ou des certificats.',
        example: 'secret:\n  secretName: db-credentials',
      },
      storageos: { text: "Volume StorageOS : pilote obsolète, retiré de Kubernetes en v1.25 ; ce champ n'est plus utilisable." },
      vsphereVolume: { text: 'Disque vSphere. Obsolète : passe plutôt par une PVC et le pilote CSI `csi.vsphere.vmware.com`.' },
    },
  },
  'core.v1.VolumeDevice': {
    text: 'Expose un volume en mode bloc brut (`volumeMode: Block`) comme un périphérique dans le conteneur, au lieu de le monter comme un répertoire.',
    chapter: 'volumes',
    properties: {
      devicePath: {
        text: 'Chemin du périphérique dans le conteneur, par exemple `/dev/xvda`.',
        example: 'volumeDevices:\n  - name: data\n    devicePath: /dev/xvda',
      },
      name: { text: 'Nom du volume à exposer : il doit correspondre à un volume du Pod de type `persistentVolumeClaim`.' },
    },
  },
  'core.v1.VolumeMount': {
    text: 'Monte un volume du Pod dans un conteneur, à un chemin donné. Un même volume peut être monté dans plusieurs conteneurs, à des chemins différents.',
    chapter: 'volumes',
    properties: {
      mountPath: {
        text: "Chemin, dans le conteneur, où le volume apparaît (par exemple `/usr/share/nginx/html`). Il ne doit pas contenir `:`. Ce que l'image contenait à cet endroit est masqué par le volume.",
        example: 'mountPath: /usr/share/nginx/html',
      },
      mountPropagation: {
        text: 'Propagation des montages entre le nœud et le conteneur : `None`, `HostToContainer` ou `Bidirectional` (réservé aux conteneurs privilégiés). Rarement utile en dehors des agents système.',
        default: 'None',
      },
      name: {
        text: "Nom du volume à monter : il doit correspondre au `name` d'un volume déclaré dans `spec.volumes` du Pod.",
        example: 'volumeMounts:\n  - name: config\n    mountPath: /etc/app',
      },
      readOnly: {
        text: 'Si `true`, le volume est monté en lecture seule dans ce conteneur.',
        default: 'false',
        example: 'readOnly: true',
      },
      recursiveReadOnly: {
        text: "Rend aussi en lecture seule les montages imbriqués sous ce volume : `Disabled`, `IfPossible` (si le runtime le permet) ou `Enabled` (sinon le Pod ne démarre pas). N'a de sens qu'avec `readOnly: true`, et exige `mountPropagation` à `None`. Champ alpha en v1.30.",
        default: 'Disabled',
      },
      subPath: {
        text: "Sous-chemin du volume à monter à la place de sa racine ; permet par exemple de monter un seul fichier d'une ConfigMap sans masquer le reste du répertoire. Attention : un montage avec `subPath` n'est pas mis à jour quand la ConfigMap ou le Secret change.",
        default: '"" (la racine du volume)',
        example: 'subPath: nginx.conf',
      },
      subPathExpr: {
        text: "Comme `subPath`, mais les références `$(VAR)` aux variables d'environnement du conteneur sont remplacées par leur valeur, par exemple `$(POD_NAME)` pour un sous-répertoire par Pod. Incompatible avec `subPath`.",
        default: '"" (la racine du volume)',
        example: 'subPathExpr: $(POD_NAME)',
      },
    },
  },
  'core.v1.VolumeNodeAffinity': {
    text: "Nœuds depuis lesquels un PersistentVolume est accessible ; le scheduler en tient compte pour placer les Pods qui l'utilisent.",
    chapter: 'volumes',
    properties: {
      required: {
        text: 'Conditions strictes, sur les labels des nœuds, que le nœud doit remplir pour accéder au volume.',
        example: 'required:\n  nodeSelectorTerms:\n    - matchExpressions:\n        - key: kubernetes.io/hostname\n          operator: In\n          values:\n            - node-1',
      },
    },
  },
  'core.v1.VolumeProjection': {
    text: "Une source d'un volume `projected` : chaque élément renseigne une seule des sources possibles.",
    chapter: 'volumes',
    properties: {
      clusterTrustBundle: { text: "Certificats d'un ou plusieurs ClusterTrustBundles, écrits dans un fichier tenu à jour. Alpha (feature gate `ClusterTrustBundleProjection`)." },
      configMap: { text: "Données d'une ConfigMap à projeter." },
      downwardAPI: { text: 'Informations sur le Pod à projeter (Downward API).' },
      secret: { text: "Données d'un Secret à projeter." },
      serviceAccountToken: { text: 'Jeton de ServiceAccount à durée limitée à projeter.' },
    },
  },
  'core.v1.VolumeResourceRequirements': {
    text: 'Ressources de stockage demandées pour un volume ; en pratique, sa taille (`storage`).',
    chapter: 'volumes',
    properties: {
      limits: { text: 'Quantité maximale de stockage autorisée ; rarement utilisée pour une PVC.' },
      requests: {
        text: 'Quantité minimale de stockage demandée, par exemple `storage: 10Gi`. Le PV lié ou créé aura au moins cette taille.',
        example: 'requests:\n  storage: 10Gi',
      },
    },
  },
  'core.v1.VsphereVirtualDiskVolumeSource': {
    text: 'Disque virtuel VMware vSphere (fichier vmdk). Pilote intégré obsolète : utilise plutôt le pilote CSI `csi.vsphere.vmware.com`.',
    chapter: 'volumes',
    properties: {
      fsType: {
        text: "Type de système de fichiers à monter (par exemple `ext4`, `xfs` ou `ntfs`) ; il doit être pris en charge par le système d'exploitation du nœud.",
        default: 'ext4',
      },
      storagePolicyID: { text: 'Identifiant du profil de stockage SPBM (Storage Policy Based Management) associé à `storagePolicyName`.' },
      storagePolicyName: { text: 'Nom du profil de stockage SPBM.' },
      volumePath: { text: 'Chemin du fichier vmdk qui identifie le disque vSphere.' },
    },
  },
  'storage.v1.StorageClass': {
    text: "Une « classe » de stockage proposée par le cluster (par exemple `standard` ou `fast-ssd`) : elle indique quel provisionneur crée les volumes, et avec quels paramètres. Quand une PVC demande cette classe, un PersistentVolume est créé automatiquement (provisionnement dynamique). Une StorageClass n'a pas de namespace ; l'une d'elles peut être la classe par défaut, grâce à l'annotation `storageclass.kubernetes.io/is-default-class: \"true\"`.",
    chapter: 'volumes',
    properties: {
      allowVolumeExpansion: {
        text: 'Si `true`, tu peux agrandir un volume de cette classe en augmentant `resources.requests.storage` dans sa PVC.',
        example: 'allowVolumeExpansion: true',
      },
      allowedTopologies: { text: "Restreint les zones (ou autres topologies) où les volumes de cette classe peuvent être créés. Vide, il n'y a pas de restriction." },
      apiVersion: {
        text: "Version de l'API de l'objet : `storage.k8s.io/v1` pour une StorageClass.",
        example: 'apiVersion: storage.k8s.io/v1',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet : `StorageClass`.",
        example: 'kind: StorageClass',
        chapter: 'api-kubectl',
      },
      metadata: {
        text: 'Métadonnées : le nom de la classe (celui que citent les PVC dans `storageClassName`), ses labels et annotations.',
        chapter: 'api-kubectl',
      },
      mountOptions: { text: 'Options de montage appliquées aux PV créés par cette classe, par exemple `hard` ou `nfsvers=4.1`. Elles ne sont pas validées : une option invalide fait échouer le montage.' },
      parameters: {
        text: 'Paramètres passés au provisionneur pour créer les volumes ; ils dépendent du provisionneur (type de disque, IOPS, système de fichiers…).',
        example: 'parameters:\n  type: gp3',
      },
      provisioner: {
        text: 'Nom du provisionneur qui crée les volumes, en général un pilote CSI, par exemple `ebs.csi.aws.com` ou `rancher.io/local-path`. Non modifiable.',
        example: 'provisioner: ebs.csi.aws.com',
      },
      reclaimPolicy: {
        text: 'Politique de récupération des PV créés par cette classe : `Delete` (le volume est supprimé avec sa PVC) ou `Retain` (il est conservé).',
        default: 'Delete',
        example: 'reclaimPolicy: Retain',
      },
      volumeBindingMode: {
        text: 'Moment où le volume est créé et lié : `Immediate` (dès la création de la PVC) ou `WaitForFirstConsumer` (quand un Pod utilise la PVC, ce qui permet de créer le volume dans la zone du nœud choisi).',
        default: 'Immediate',
        example: 'volumeBindingMode: WaitForFirstConsumer',
      },
    },
  },
};
