import type { DocTable } from '../types';

/** Documentation en français : Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, HorizontalPodAutoscaler et PodDisruptionBudget. */
export const WORKLOAD_DOCS: DocTable = {
  'apps.v1.DaemonSet': {
    text: "Un DaemonSet fait tourner une copie d'un Pod sur chaque nœud du cluster, ou sur chaque nœud choisi par un `nodeSelector` ou une affinité. Quand un nœud rejoint le cluster, il reçoit automatiquement son Pod ; quand il le quitte, le Pod disparaît. On s'en sert pour les agents de logs, de monitoring ou de réseau.",
    chapter: 'avance',
    properties: {
      apiVersion: {
        text: "Version de l'API qui décrit l'objet. Pour un DaemonSet, c'est toujours `apps/v1`.",
        example: 'apiVersion: apps/v1',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet décrit par le manifeste : ici `DaemonSet`, avec la majuscule.",
        example: 'kind: DaemonSet',
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées du DaemonSet : son `name`, son `namespace`, ses `labels` et ses `annotations`.",
        chapter: 'api-kubectl',
      },
      spec: { text: "État désiré du DaemonSet : quels Pods lancer (sélecteur et modèle) et comment les mettre à jour." },
      status: {
        text: "État observé du DaemonSet, rempli par Kubernetes (lecture seule) : combien de nœuds devraient avoir le Pod, combien l'ont, combien sont prêts ou à jour. Il peut avoir un léger retard sur la réalité.",
      },
    },
  },
  'apps.v1.DaemonSetCondition': {
    text: "Une condition décrit un aspect de l'état du DaemonSet à un instant donné. Elle est remplie par Kubernetes (lecture seule) ; en pratique, la liste est souvent vide pour un DaemonSet.",
    chapter: 'avance',
    properties: {
      lastTransitionTime: { text: 'Date du dernier changement de statut de la condition (par exemple de `False` à `True`).' },
      message: { text: 'Explication lisible du dernier changement de la condition, utile pour le dépannage.' },
      reason: { text: 'Raison courte, en un mot CamelCase, du dernier changement de la condition.' },
      status: { text: 'Statut de la condition : `True`, `False` ou `Unknown`.' },
      type: { text: 'Type de la condition, qui dit quel aspect du DaemonSet elle décrit.' },
    },
  },
  'apps.v1.DaemonSetSpec': {
    text: "Ce que tu demandes au DaemonSet : quels Pods il gère (sélecteur), sur quel modèle les créer et comment les remplacer lors d'une mise à jour.",
    chapter: 'avance',
    properties: {
      minReadySeconds: {
        text: "Nombre de secondes pendant lesquelles un nouveau Pod doit rester prêt, sans qu'aucun de ses conteneurs ne plante, avant d'être compté comme disponible. Ça ralentit volontairement la mise à jour progressive pour repérer un Pod instable.",
        default: '0',
      },
      revisionHistoryLimit: {
        text: "Nombre d'anciennes révisions conservées pour pouvoir revenir en arrière avec `kubectl rollout undo`.",
        default: '10',
        chapter: 'quotidien',
      },
      selector: {
        text: "Sélecteur de labels qui désigne les Pods gérés par ce DaemonSet. Il doit correspondre aux labels du `template`, sinon l'API refuse l'objet, et il ne peut plus être modifié après la création.",
        example: 'selector:\n  matchLabels:\n    app: agent-logs',
      },
      template: {
        text: "Modèle des Pods à créer : le DaemonSet en lance exactement un sur chaque nœud éligible (tous les nœuds si le modèle n'a ni `nodeSelector` ni affinité). Ses labels doivent correspondre au `selector`, et `restartPolicy` ne peut y valoir que `Always`.",
        example: 'template:\n  metadata:\n    labels:\n      app: agent-logs\n  spec:\n    containers:\n      - name: fluent-bit\n        image: fluent/fluent-bit:3.0',
      },
      updateStrategy: {
        text: "Comment remplacer les Pods existants quand tu modifies le `template` : `RollingUpdate` (automatiquement, quelques nœuds à la fois) ou `OnDelete` (le nouveau Pod n'est créé que quand tu supprimes l'ancien à la main).",
        example: 'updateStrategy:\n  type: RollingUpdate\n  rollingUpdate:\n    maxUnavailable: 1',
      },
    },
  },
  'apps.v1.DaemonSetStatus': {
    text: "État observé du DaemonSet, rempli par Kubernetes (lecture seule). Les colonnes DESIRED, CURRENT, READY, UP-TO-DATE et AVAILABLE de `kubectl get daemonset` en viennent.",
    chapter: 'avance',
    properties: {
      collisionCount: {
        text: "Compteur interne rempli par Kubernetes : nombre de collisions de hachage rencontrées en nommant les révisions (ControllerRevisions). Tu n'as pas à t'en occuper.",
      },
      conditions: { text: "Dernières conditions observées sur le DaemonSet, remplies par Kubernetes (lecture seule)." },
      currentNumberScheduled: {
        text: "Nombre de nœuds qui exécutent au moins un Pod du DaemonSet et qui sont censés le faire. Rempli par Kubernetes (colonne CURRENT).",
      },
      desiredNumberScheduled: {
        text: "Nombre total de nœuds qui devraient exécuter le Pod du DaemonSet, y compris ceux qui l'exécutent déjà. Rempli par Kubernetes (colonne DESIRED).",
      },
      numberAvailable: {
        text: "Nombre de nœuds éligibles dont le Pod tourne et est disponible, c'est-à-dire prêt depuis au moins `minReadySeconds`. Rempli par Kubernetes (colonne AVAILABLE).",
      },
      numberMisscheduled: {
        text: "Nombre de nœuds qui exécutent le Pod du DaemonSet alors qu'ils ne le devraient pas, par exemple après un changement des labels du nœud. Rempli par Kubernetes.",
      },
      numberReady: {
        text: 'Nombre de nœuds éligibles dont le Pod du DaemonSet a la condition Ready. Rempli par Kubernetes (colonne READY).',
      },
      numberUnavailable: {
        text: "Nombre de nœuds éligibles qui n'ont aucun Pod du DaemonSet disponible. Rempli par Kubernetes ; s'il reste non nul, regarde les Pods concernés avec `kubectl describe`.",
      },
      observedGeneration: {
        text: "Dernière génération du DaemonSet prise en compte par le contrôleur. Si elle est inférieure à `metadata.generation`, ta dernière modification n'a pas encore été traitée. Remplie par Kubernetes.",
      },
      updatedNumberScheduled: {
        text: 'Nombre de nœuds qui exécutent la version à jour du Pod, celle du `template` actuel. Rempli par Kubernetes (colonne UP-TO-DATE).',
      },
    },
  },
  'apps.v1.DaemonSetUpdateStrategy': {
    text: "Stratégie de mise à jour d'un DaemonSet : la façon dont ses Pods sont remplacés quand le `template` change.",
    chapter: 'avance',
    properties: {
      rollingUpdate: {
        text: 'Réglages de la mise à jour progressive (`maxUnavailable`, `maxSurge`). Seulement quand `type` vaut `RollingUpdate`.',
      },
      type: {
        text: "`RollingUpdate` remplace automatiquement les Pods, quelques nœuds à la fois ; `OnDelete` attend que tu supprimes toi-même chaque ancien Pod pour créer le nouveau.",
        default: 'RollingUpdate',
        example: 'type: OnDelete',
      },
    },
  },
  'apps.v1.Deployment': {
    text: "Un Deployment gère des Pods identiques et sans état : tu déclares combien de répliques tu veux et à partir de quel modèle, et il s'en occupe au travers d'un ReplicaSet. Il permet aussi les mises à jour progressives sans interruption et le retour à une version précédente (`kubectl rollout undo`).",
    chapter: 'ressources',
    properties: {
      apiVersion: {
        text: "Version de l'API qui décrit l'objet. Pour un Deployment, c'est toujours `apps/v1`.",
        example: 'apiVersion: apps/v1',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet décrit par le manifeste : ici `Deployment`, avec la majuscule.",
        example: 'kind: Deployment',
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées du Deployment : son `name`, son `namespace`, ses `labels` et ses `annotations`. Son nom sert de préfixe aux ReplicaSets et aux Pods qu'il crée.",
        example: 'metadata:\n  name: web\n  labels:\n    app: web',
        chapter: 'api-kubectl',
      },
      spec: {
        text: 'État désiré du Deployment : nombre de répliques, sélecteur, modèle de Pod et stratégie de mise à jour.',
      },
      status: {
        text: "État observé du Deployment, rempli par Kubernetes (lecture seule) : répliques prêtes, à jour, disponibles, et conditions. `kubectl get deployment` et `kubectl rollout status` le lisent.",
      },
    },
  },
  'apps.v1.DeploymentCondition': {
    text: "Une condition décrit un aspect de l'état du Deployment à un instant donné, par exemple `Available` (assez de Pods disponibles) ou `Progressing` (la mise à jour avance). Elle est remplie par Kubernetes (lecture seule).",
    chapter: 'ressources',
    properties: {
      lastTransitionTime: { text: 'Date du dernier changement de statut de la condition (par exemple de `False` à `True`).' },
      lastUpdateTime: { text: "Date de la dernière mise à jour de la condition, même si son statut n'a pas changé." },
      message: {
        text: "Explication lisible du dernier changement, très utile en cas de problème (par exemple : le délai de progression est dépassé).",
      },
      reason: {
        text: 'Raison courte, en un mot CamelCase, du dernier changement : par exemple `NewReplicaSetAvailable`, `MinimumReplicasAvailable` ou `ProgressDeadlineExceeded`.',
      },
      status: { text: 'Statut de la condition : `True`, `False` ou `Unknown`.' },
      type: { text: 'Type de condition : `Available`, `Progressing` ou `ReplicaFailure`.' },
    },
  },
  'apps.v1.DeploymentSpec': {
    text: "Ce que tu demandes au Deployment : combien de Pods, lesquels (sélecteur et modèle) et comment les remplacer lors d'une mise à jour.",
    chapter: 'ressources',
    properties: {
      minReadySeconds: {
        text: "Nombre de secondes pendant lesquelles un nouveau Pod doit rester prêt, sans plantage de ses conteneurs, avant d'être considéré comme disponible. Pendant une mise à jour progressive, ça laisse le temps de repérer un Pod instable avant de continuer.",
        default: '0',
        example: 'minReadySeconds: 10',
        chapter: 'quotidien',
      },
      paused: {
        text: "Met le Deployment en pause : tant que la pause dure, les modifications du `template` ne déclenchent pas de nouveau déploiement. C'est ce que font `kubectl rollout pause` et `kubectl rollout resume`.",
        chapter: 'quotidien',
      },
      progressDeadlineSeconds: {
        text: "Délai, en secondes, au-delà duquel un déploiement qui n'avance plus est considéré en échec : la condition `Progressing` passe à `False` avec la raison `ProgressDeadlineExceeded`. Kubernetes ne revient pas en arrière tout seul : c'est à toi d'agir.",
        default: '600',
        chapter: 'quotidien',
      },
      replicas: {
        text: "Nombre de Pods identiques que tu veux voir tourner. Le Deployment, via son ReplicaSet, crée ou supprime des Pods pour atteindre ce nombre et en recrée un si un Pod disparaît. Tu peux aussi le changer avec `kubectl scale deployment/web --replicas=5` ; si un HorizontalPodAutoscaler gère le Deployment, laisse-le décider.",
        default: '1',
        example: 'replicas: 3',
      },
      revisionHistoryLimit: {
        text: "Nombre d'anciens ReplicaSets conservés pour pouvoir revenir en arrière (`kubectl rollout history`, `kubectl rollout undo`). À 0, aucun retour arrière n'est plus possible.",
        default: '10',
        example: 'revisionHistoryLimit: 5',
        chapter: 'quotidien',
      },
      selector: {
        text: "Sélecteur de labels qui indique quels Pods appartiennent au Deployment. Il doit correspondre aux labels de `template.metadata.labels`, sinon l'API refuse l'objet. Il ne peut plus être modifié après la création : choisis des labels stables, comme `app: web`.",
        example: 'selector:\n  matchLabels:\n    app: web',
      },
      strategy: {
        text: "Stratégie de remplacement des Pods quand le `template` change (nouvelle image, nouvelle variable...). `RollingUpdate` remplace les Pods petit à petit, sans interruption ; `Recreate` supprime tous les anciens Pods avant de créer les nouveaux.",
        example: 'strategy:\n  type: RollingUpdate\n  rollingUpdate:\n    maxSurge: 1\n    maxUnavailable: 0',
        chapter: 'quotidien',
      },
      template: {
        text: "Modèle des Pods que le Deployment crée : des `metadata.labels`, qui doivent correspondre au `selector`, et une `spec` (conteneurs, volumes...). Toute modification du modèle déclenche un nouveau déploiement, donc une nouvelle révision. `restartPolicy` ne peut y valoir que `Always`.",
        example: 'template:\n  metadata:\n    labels:\n      app: web\n  spec:\n    containers:\n      - name: web\n        image: nginx:1.27',
      },
    },
  },
  'apps.v1.DeploymentStatus': {
    text: "État observé du Deployment, rempli par Kubernetes (lecture seule). Les colonnes READY, UP-TO-DATE et AVAILABLE de `kubectl get deployment` en viennent.",
    chapter: 'ressources',
    properties: {
      availableReplicas: {
        text: "Nombre de Pods disponibles, c'est-à-dire prêts depuis au moins `minReadySeconds`. Rempli par Kubernetes (colonne AVAILABLE).",
      },
      collisionCount: {
        text: "Compteur interne rempli par Kubernetes : nombre de collisions de hachage rencontrées en nommant le ReplicaSet le plus récent. Tu n'as pas à t'en occuper.",
      },
      conditions: {
        text: "Dernières conditions observées (`Available`, `Progressing`, `ReplicaFailure`), remplies par Kubernetes. C'est le premier endroit où regarder quand un déploiement bloque.",
      },
      observedGeneration: {
        text: "Dernière génération du Deployment prise en compte par le contrôleur. Si elle est inférieure à `metadata.generation`, ta dernière modification n'a pas encore été traitée. Remplie par Kubernetes.",
      },
      readyReplicas: { text: 'Nombre de Pods du Deployment qui ont la condition Ready. Rempli par Kubernetes (colonne READY).' },
      replicas: {
        text: 'Nombre total de Pods non terminés ciblés par le Deployment, anciennes et nouvelles versions confondues. Rempli par Kubernetes.',
      },
      unavailableReplicas: {
        text: 'Nombre de Pods qui manquent encore pour que le Deployment soit disponible à 100 % : Pods pas encore prêts ou pas encore créés. Rempli par Kubernetes.',
      },
      updatedReplicas: {
        text: 'Nombre de Pods non terminés qui utilisent déjà le `template` actuel. Rempli par Kubernetes (colonne UP-TO-DATE).',
      },
    },
  },
  'apps.v1.DeploymentStrategy': {
    text: "La façon dont un Deployment remplace ses anciens Pods par de nouveaux lors d'une mise à jour.",
    chapter: 'quotidien',
    properties: {
      rollingUpdate: {
        text: 'Réglages de la mise à jour progressive : `maxSurge` et `maxUnavailable`. Seulement quand `type` vaut `RollingUpdate`.',
        example: 'rollingUpdate:\n  maxSurge: 25%\n  maxUnavailable: 25%',
      },
      type: {
        text: "`RollingUpdate` remplace les Pods progressivement, sans coupure de service ; `Recreate` supprime d'abord tous les anciens Pods, puis crée les nouveaux : il y a une courte coupure, mais jamais deux versions en même temps.",
        default: 'RollingUpdate',
        example: 'type: Recreate',
      },
    },
  },
  'apps.v1.ReplicaSet': {
    text: "Un ReplicaSet maintient en permanence un nombre donné de Pods identiques : si un Pod disparaît, il en recrée un. En pratique, tu ne le crées presque jamais toi-même : c'est le Deployment qui crée un ReplicaSet pour chaque version de son modèle.",
    chapter: 'ressources',
    properties: {
      apiVersion: {
        text: "Version de l'API qui décrit l'objet. Pour un ReplicaSet, c'est toujours `apps/v1`.",
        example: 'apiVersion: apps/v1',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet décrit par le manifeste : ici `ReplicaSet`, avec la majuscule.",
        example: 'kind: ReplicaSet',
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées du ReplicaSet : nom, namespace, labels et annotations. Quand c'est un Deployment qui le crée, son nom est celui du Deployment suivi d'un hachage du modèle (label `pod-template-hash`).",
        chapter: 'api-kubectl',
      },
      spec: { text: 'État désiré du ReplicaSet : nombre de répliques, sélecteur et modèle de Pod.' },
      status: {
        text: "État observé du ReplicaSet, rempli par Kubernetes (lecture seule) : nombre de Pods existants, prêts et disponibles. Il peut avoir un léger retard sur la réalité.",
      },
    },
  },
  'apps.v1.ReplicaSetCondition': {
    text: "Une condition décrit un aspect de l'état du ReplicaSet. Le seul type utilisé est `ReplicaFailure`, quand il n'arrive pas à créer ou à supprimer des Pods (quota dépassé, par exemple). Remplie par Kubernetes (lecture seule).",
    chapter: 'ressources',
    properties: {
      lastTransitionTime: { text: 'Date du dernier changement de statut de la condition.' },
      message: { text: "Explication lisible du dernier changement, par exemple l'erreur renvoyée à la création d'un Pod." },
      reason: { text: 'Raison courte, en un mot CamelCase, du dernier changement (par exemple `FailedCreate`).' },
      status: { text: 'Statut de la condition : `True`, `False` ou `Unknown`.' },
      type: { text: 'Type de condition ; en pratique `ReplicaFailure`.' },
    },
  },
  'apps.v1.ReplicaSetSpec': {
    text: 'Ce que tu demandes au ReplicaSet : combien de Pods, lesquels (sélecteur) et sur quel modèle les créer.',
    chapter: 'ressources',
    properties: {
      minReadySeconds: {
        text: "Nombre de secondes pendant lesquelles un nouveau Pod doit rester prêt, sans plantage de ses conteneurs, avant d'être considéré comme disponible.",
        default: '0',
      },
      replicas: {
        text: "Nombre de Pods identiques voulus. Le ReplicaSet en crée s'il en manque et en supprime s'il y en a trop.",
        default: '1',
        example: 'replicas: 3',
      },
      selector: {
        text: "Sélecteur de labels des Pods que le ReplicaSet compte et gère. Il doit correspondre aux labels du `template`. Attention : le ReplicaSet adopte aussi les Pods existants qui portent ces labels sans appartenir à un autre contrôleur.",
        example: 'selector:\n  matchLabels:\n    app: web',
      },
      template: {
        text: "Modèle des Pods créés quand il en manque. Modifier le modèle ne touche pas les Pods existants : seuls les nouveaux Pods l'utilisent. C'est pour ça qu'on passe par un Deployment pour les mises à jour.",
      },
    },
  },
  'apps.v1.ReplicaSetStatus': {
    text: "État observé du ReplicaSet, rempli par Kubernetes (lecture seule). Les colonnes CURRENT et READY de `kubectl get replicaset` en viennent.",
    chapter: 'ressources',
    properties: {
      availableReplicas: {
        text: "Nombre de Pods disponibles, c'est-à-dire prêts depuis au moins `minReadySeconds`. Rempli par Kubernetes.",
      },
      conditions: { text: 'Dernières conditions observées sur le ReplicaSet, remplies par Kubernetes (lecture seule).' },
      fullyLabeledReplicas: {
        text: 'Nombre de Pods qui portent tous les labels du modèle de Pod du ReplicaSet. Rempli par Kubernetes.',
      },
      observedGeneration: {
        text: "Dernière génération du ReplicaSet prise en compte par le contrôleur. Si elle est inférieure à `metadata.generation`, la dernière modification n'a pas encore été traitée. Remplie par Kubernetes.",
      },
      readyReplicas: { text: 'Nombre de Pods du ReplicaSet qui ont la condition Ready. Rempli par Kubernetes (colonne READY).' },
      replicas: { text: 'Nombre de Pods observé le plus récemment pour ce ReplicaSet. Rempli par Kubernetes (colonne CURRENT).' },
    },
  },
  'apps.v1.RollingUpdateDaemonSet': {
    text: "Réglages de la mise à jour progressive d'un DaemonSet : combien de nœuds peuvent être mis à jour en même temps.",
    chapter: 'avance',
    properties: {
      maxSurge: {
        text: "Nombre (ou pourcentage) maximal de nœuds sur lesquels le nouveau Pod peut démarrer avant que l'ancien soit supprimé : pendant un moment, deux Pods du DaemonSet tournent alors sur le même nœud. Ne peut pas valoir 0 si `maxUnavailable` vaut 0.",
        default: '0',
      },
      maxUnavailable: {
        text: "Nombre (ou pourcentage) maximal de Pods du DaemonSet qui peuvent être indisponibles pendant la mise à jour : l'ancien Pod est arrêté, puis remplacé. Ne peut pas valoir 0 si `maxSurge` vaut 0.",
        default: '1',
        example: 'maxUnavailable: 1',
      },
    },
  },
  'apps.v1.RollingUpdateDeployment': {
    text: "Réglages d'une mise à jour progressive (`RollingUpdate`) de Deployment : combien de Pods en plus et combien de Pods en moins sont tolérés pendant le remplacement.",
    chapter: 'quotidien',
    properties: {
      maxSurge: {
        text: "Nombre maximal de Pods créés en plus du nombre désiré pendant la mise à jour, en valeur absolue (`1`) ou en pourcentage (`25%`, arrondi au supérieur). Avec 4 répliques et `maxSurge: 1`, il y a au plus 5 Pods en même temps. Ne peut pas valoir 0 si `maxUnavailable` vaut 0.",
        default: '25%',
        example: 'maxSurge: 1',
      },
      maxUnavailable: {
        text: "Nombre maximal de Pods qui peuvent être indisponibles pendant la mise à jour, en valeur absolue ou en pourcentage (arrondi à l'inférieur). Avec `maxUnavailable: 0`, la capacité ne baisse jamais : un ancien Pod n'est supprimé qu'une fois son remplaçant disponible. Ne peut pas valoir 0 si `maxSurge` vaut 0.",
        default: '25%',
        example: 'maxUnavailable: 0',
      },
    },
  },
  'apps.v1.RollingUpdateStatefulSetStrategy': {
    text: "Réglages de la mise à jour progressive d'un StatefulSet.",
    chapter: 'avance',
    properties: {
      maxUnavailable: {
        text: "Nombre (ou pourcentage) maximal de Pods indisponibles pendant la mise à jour. Champ alpha : il n'est pris en compte que si la feature gate `MaxUnavailableStatefulSet` est activée ; sinon, les Pods sont mis à jour un par un.",
        default: '1',
      },
      partition: {
        text: "Ordinal à partir duquel les Pods sont mis à jour : seuls les Pods dont le numéro est supérieur ou égal à `partition` reçoivent la nouvelle version, les autres gardent l'ancienne. Pratique pour un déploiement canari : avec 5 répliques et `partition: 4`, seul `web-4` est mis à jour.",
        default: '0',
        example: 'updateStrategy:\n  type: RollingUpdate\n  rollingUpdate:\n    partition: 4',
      },
    },
  },
  'apps.v1.StatefulSet': {
    text: "Un StatefulSet gère des Pods avec état, chacun avec une identité stable : un nom numéroté (`web-0`, `web-1`...), un nom DNS fixe grâce à un Service headless et son propre volume persistant, qui le suit même s'il est recréé ailleurs. Les Pods sont créés, mis à jour et supprimés dans l'ordre. On l'utilise pour les bases de données et les systèmes répliqués.",
    chapter: 'avance',
    properties: {
      apiVersion: {
        text: "Version de l'API qui décrit l'objet. Pour un StatefulSet, c'est toujours `apps/v1`.",
        example: 'apiVersion: apps/v1',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet décrit par le manifeste : ici `StatefulSet`, avec la majuscule.",
        example: 'kind: StatefulSet',
        chapter: 'api-kubectl',
      },
      metadata: {
        text: 'Métadonnées du StatefulSet : son `name`, son `namespace`, ses `labels` et ses `annotations`. Son nom sert de préfixe aux Pods (`web-0`, `web-1`...).',
        chapter: 'api-kubectl',
      },
      spec: {
        text: "État désiré du StatefulSet : nombre de répliques, modèle de Pod, Service qui donne aux Pods leur identité réseau et modèles de volumes.",
      },
      status: {
        text: 'État observé des Pods du StatefulSet, rempli par Kubernetes (lecture seule). Il peut avoir un léger retard sur la réalité.',
      },
    },
  },
  'apps.v1.StatefulSetCondition': {
    text: "Une condition décrit un aspect de l'état du StatefulSet à un instant donné. Elle est remplie par Kubernetes (lecture seule).",
    chapter: 'avance',
    properties: {
      lastTransitionTime: { text: 'Date du dernier changement de statut de la condition.' },
      message: { text: 'Explication lisible du dernier changement de la condition.' },
      reason: { text: 'Raison courte, en un mot CamelCase, du dernier changement de la condition.' },
      status: { text: 'Statut de la condition : `True`, `False` ou `Unknown`.' },
      type: { text: 'Type de la condition, qui dit quel aspect du StatefulSet elle décrit.' },
    },
  },
  'apps.v1.StatefulSetOrdinals': {
    text: "Règle de numérotation des Pods d'un StatefulSet : à partir de quel numéro commencer.",
    chapter: 'avance',
    properties: {
      start: {
        text: "Numéro du premier Pod. Avec `start: 1` et 3 répliques, les Pods s'appellent `web-1`, `web-2` et `web-3`. Sert aussi à déplacer progressivement des répliques d'un StatefulSet vers un autre.",
        default: '0',
        example: 'ordinals:\n  start: 1',
      },
    },
  },
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy': {
    text: 'Règle qui dit ce que deviennent les PersistentVolumeClaims créés à partir de `volumeClaimTemplates` quand le StatefulSet est supprimé ou réduit. Par défaut, ils sont conservés.',
    chapter: 'avance',
    properties: {
      whenDeleted: {
        text: 'Ce qui arrive aux PVC quand le StatefulSet est supprimé : `Retain` les garde, avec leurs données ; `Delete` les supprime.',
        default: 'Retain',
        example: 'persistentVolumeClaimRetentionPolicy:\n  whenDeleted: Delete\n  whenScaled: Retain',
      },
      whenScaled: {
        text: 'Ce qui arrive aux PVC des Pods en trop quand tu réduis le nombre de répliques : `Retain` les garde (un Pod recréé plus tard retrouve ses données), `Delete` les supprime.',
        default: 'Retain',
      },
    },
  },
  'apps.v1.StatefulSetSpec': {
    text: "Ce que tu demandes au StatefulSet : combien de Pods, sur quel modèle, avec quel Service pour leur identité réseau et quels volumes persistants pour chacun.",
    chapter: 'avance',
    properties: {
      minReadySeconds: {
        text: "Nombre de secondes pendant lesquelles un nouveau Pod doit rester prêt, sans plantage de ses conteneurs, avant d'être considéré comme disponible.",
        default: '0',
      },
      ordinals: {
        text: 'Numérotation des Pods ; sans ce champ, le premier Pod porte le numéro 0. Nécessite la feature gate `StatefulSetStartOrdinal`, bêta et activée par défaut en v1.30.',
      },
      persistentVolumeClaimRetentionPolicy: {
        text: "Ce que deviennent les PVC créés par `volumeClaimTemplates` quand le StatefulSet est supprimé ou réduit. Par défaut, ils restent jusqu'à ce que tu les supprimes à la main. Nécessite la feature gate `StatefulSetAutoDeletePVC`, bêta et activée par défaut en v1.30.",
        chapter: 'volumes',
      },
      podManagementPolicy: {
        text: "Ordre de création et de suppression des Pods. `OrderedReady` les crée un par un (`web-0`, puis `web-1`...) en attendant que chacun soit prêt, et les supprime dans l'ordre inverse ; `Parallel` les crée et les supprime tous en même temps. Ne change rien aux mises à jour.",
        default: 'OrderedReady',
        example: 'podManagementPolicy: Parallel',
      },
      replicas: {
        text: 'Nombre de Pods voulus. Chaque Pod a sa propre identité : avec 3 répliques, tu obtiens `web-0`, `web-1` et `web-2`. Quand tu réduis ce nombre, les Pods aux numéros les plus élevés sont supprimés en premier.',
        default: '1',
        example: 'replicas: 3',
      },
      revisionHistoryLimit: {
        text: "Nombre maximal d'anciennes révisions conservées dans l'historique du StatefulSet, pour pouvoir revenir en arrière.",
        default: '10',
        chapter: 'quotidien',
      },
      selector: {
        text: "Sélecteur de labels des Pods du StatefulSet. Il doit correspondre aux labels du `template` et ne peut plus être modifié après la création.",
        example: 'selector:\n  matchLabels:\n    app: db',
      },
      serviceName: {
        text: "Nom du Service headless (`clusterIP: None`) qui donne aux Pods leur identité réseau : chaque Pod reçoit un nom DNS stable de la forme `web-0.<serviceName>.<namespace>.svc.cluster.local`. Kubernetes ne crée pas ce Service pour toi : il doit exister à côté.",
        example: 'serviceName: db',
      },
      template: {
        text: "Modèle des Pods. Chaque Pod le suit mais garde sa propre identité : il s'appelle `<nom-du-statefulset>-<numéro>`, par exemple `web-3`. Ses labels doivent correspondre au `selector`, et `restartPolicy` ne peut y valoir que `Always`.",
      },
      updateStrategy: {
        text: "Comment les Pods sont mis à jour quand le `template` change : `RollingUpdate` (un par un, du numéro le plus élevé au plus petit) ou `OnDelete` (seulement quand tu supprimes un Pod toi-même).",
        example: 'updateStrategy:\n  type: RollingUpdate',
      },
      volumeClaimTemplates: {
        text: "Modèles de PersistentVolumeClaim : pour chaque Pod, le StatefulSet crée son propre PVC (nommé `<modèle>-<pod>`, par exemple `data-web-0`), qui lui reste attaché même s'il est recréé. Chaque modèle doit être monté par un `volumeMount` du même nom dans un conteneur du `template`.",
        example: 'volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: ["ReadWriteOnce"]\n      resources:\n        requests:\n          storage: 1Gi',
        chapter: 'volumes',
      },
    },
  },
  'apps.v1.StatefulSetStatus': {
    text: "État observé du StatefulSet, rempli par Kubernetes (lecture seule) : Pods créés, prêts, à jour, et révisions en cours.",
    chapter: 'avance',
    properties: {
      availableReplicas: {
        text: "Nombre de Pods disponibles, c'est-à-dire prêts depuis au moins `minReadySeconds`. Rempli par Kubernetes.",
      },
      collisionCount: {
        text: "Compteur interne rempli par Kubernetes : nombre de collisions de hachage rencontrées en nommant les révisions. Tu n'as pas à t'en occuper.",
      },
      conditions: { text: 'Dernières conditions observées sur le StatefulSet, remplies par Kubernetes (lecture seule).' },
      currentReplicas: {
        text: "Nombre de Pods qui tournent encore avec la révision `currentRevision`, c'est-à-dire l'ancienne version pendant une mise à jour. Rempli par Kubernetes.",
      },
      currentRevision: {
        text: 'Révision du StatefulSet utilisée par les Pods numérotés de 0 à `currentReplicas` - 1. Remplie par Kubernetes.',
      },
      observedGeneration: {
        text: "Dernière génération du StatefulSet prise en compte par le contrôleur. Si elle est inférieure à `metadata.generation`, ta dernière modification n'a pas encore été traitée. Remplie par Kubernetes.",
      },
      readyReplicas: { text: 'Nombre de Pods du StatefulSet qui ont la condition Ready. Rempli par Kubernetes.' },
      replicas: { text: 'Nombre de Pods créés par le contrôleur du StatefulSet. Rempli par Kubernetes.' },
      updateRevision: {
        text: 'Révision la plus récente du StatefulSet, celle des Pods déjà mis à jour (les numéros les plus élevés). Remplie par Kubernetes ; quand elle est égale à `currentRevision`, la mise à jour est terminée.',
      },
      updatedReplicas: {
        text: 'Nombre de Pods qui utilisent déjà la révision `updateRevision`. Rempli par Kubernetes.',
      },
    },
  },
  'apps.v1.StatefulSetUpdateStrategy': {
    text: "Stratégie de mise à jour d'un StatefulSet : la façon dont ses Pods sont remplacés quand le `template` change.",
    chapter: 'avance',
    properties: {
      rollingUpdate: {
        text: 'Réglages de la mise à jour progressive (`partition`, `maxUnavailable`). Seulement quand `type` vaut `RollingUpdate`.',
      },
      type: {
        text: "`RollingUpdate` met à jour les Pods automatiquement, un par un, en partant du numéro le plus élevé ; `OnDelete` ne crée la nouvelle version d'un Pod que quand tu supprimes l'ancien à la main.",
        default: 'RollingUpdate',
        example: 'type: OnDelete',
      },
    },
  },
  'autoscaling.v2.ContainerResourceMetricSource': {
    text: "Métrique de ressource (CPU ou mémoire) mesurée sur un seul conteneur de chaque Pod, au lieu du Pod entier : utile quand un sidecar fausserait la moyenne. Les valeurs de tous les Pods sont moyennées, puis comparées à la cible.",
    chapter: 'quotidien',
    properties: {
      container: { text: 'Nom du conteneur, dans les Pods de la cible, dont on mesure la consommation.' },
      name: { text: 'Ressource mesurée : `cpu` ou `memory`.' },
      target: {
        text: "Valeur visée pour la métrique, le plus souvent une utilisation moyenne en pourcentage des `requests` du conteneur.",
      },
    },
  },
  'autoscaling.v2.ContainerResourceMetricStatus': {
    text: "Valeur actuelle d'une métrique de ressource mesurée sur un conteneur précis de chaque Pod. Remplie par Kubernetes (lecture seule).",
    chapter: 'quotidien',
    properties: {
      container: { text: 'Nom du conteneur dont la consommation est mesurée.' },
      current: { text: "Valeur actuelle de la métrique, telle que lue par l'autoscaler." },
      name: { text: 'Ressource mesurée : `cpu` ou `memory`.' },
    },
  },
  'autoscaling.v2.CrossVersionObjectReference': {
    text: "Référence vers un autre objet, par son `apiVersion`, son `kind` et son `name`, dans le même namespace. Sert surtout à désigner l'objet que l'autoscaler fait grandir ou rétrécir.",
    chapter: 'quotidien',
    properties: {
      apiVersion: { text: "Version d'API de l'objet visé, par exemple `apps/v1` pour un Deployment.", example: 'apiVersion: apps/v1' },
      kind: { text: "Type de l'objet visé, par exemple `Deployment` ou `StatefulSet`.", example: 'kind: Deployment' },
      name: { text: "Nom de l'objet visé, dans le même namespace que l'autoscaler.", example: 'name: web' },
    },
  },
  'autoscaling.v2.ExternalMetricSource': {
    text: "Métrique externe, sans lien avec un objet Kubernetes : longueur d'une file de messages dans le cloud, requêtes par seconde d'un load balancer extérieur au cluster... Elle nécessite un adaptateur de métriques externes installé dans le cluster.",
    chapter: 'quotidien',
    properties: {
      metric: { text: 'Identifie la métrique par son nom et, si besoin, un sélecteur.' },
      target: { text: 'Valeur visée pour la métrique : une valeur totale (`Value`) ou une moyenne par Pod (`AverageValue`).' },
    },
  },
  'autoscaling.v2.ExternalMetricStatus': {
    text: "Valeur actuelle d'une métrique externe, sans lien avec un objet Kubernetes. Remplie par Kubernetes (lecture seule).",
    chapter: 'quotidien',
    properties: {
      current: { text: "Valeur actuelle de la métrique, telle que lue par l'autoscaler." },
      metric: { text: 'Identifie la métrique par son nom et, si besoin, un sélecteur.' },
    },
  },
  'autoscaling.v2.HPAScalingPolicy': {
    text: "Une règle qui limite la vitesse de changement du nombre de répliques : au plus `value` Pods (ou `value` %) sur une fenêtre de `periodSeconds` secondes.",
    chapter: 'quotidien',
    properties: {
      periodSeconds: {
        text: 'Durée, en secondes, de la fenêtre sur laquelle la règle doit être respectée ; entre 1 et 1800 (30 minutes).',
        example: 'periodSeconds: 60',
      },
      type: {
        text: '`Pods` pour un nombre absolu de Pods, `Percent` pour un pourcentage des répliques actuelles.',
        example: 'type: Percent',
      },
      value: {
        text: 'Quantité de changement permise sur la fenêtre : un nombre de Pods ou un pourcentage, selon `type`. Doit être supérieure à 0.',
      },
    },
  },
  'autoscaling.v2.HPAScalingRules': {
    text: "Règles de mise à l'échelle pour un sens, montée ou descente : des politiques qui limitent la vitesse de changement, et une fenêtre de stabilisation qui évite que le nombre de Pods fasse le yo-yo.",
    chapter: 'quotidien',
    properties: {
      policies: {
        text: 'Liste des politiques de changement possibles ; `selectPolicy` choisit laquelle appliquer. Il en faut au moins une.',
        example: 'policies:\n  - type: Percent\n    value: 50\n    periodSeconds: 60',
      },
      selectPolicy: {
        text: 'Politique appliquée quand il y en a plusieurs : `Max` (celle qui permet le plus grand changement), `Min` (le plus petit) ou `Disabled` (aucun changement dans ce sens).',
        default: 'Max',
      },
      stabilizationWindowSeconds: {
        text: "Durée, en secondes, pendant laquelle l'autoscaler tient compte de ses recommandations passées : il retient la valeur la plus prudente de cette fenêtre avant de changer le nombre de répliques. Entre 0 et 3600.",
        default: '0 pour la montée (`scaleUp`), 300 pour la descente (`scaleDown`)',
        example: 'stabilizationWindowSeconds: 300',
      },
    },
  },
  'autoscaling.v2.HorizontalPodAutoscaler': {
    text: "Un HorizontalPodAutoscaler (HPA) ajuste automatiquement le nombre de répliques d'un Deployment, d'un StatefulSet ou d'un ReplicaSet selon des métriques, le plus souvent l'utilisation CPU : plus de Pods quand la charge monte, moins quand elle baisse. Il a besoin de metrics-server et de `resources.requests` sur les conteneurs pour calculer une utilisation en pourcentage.",
    chapter: 'quotidien',
    properties: {
      apiVersion: {
        text: "Version de l'API qui décrit l'objet. Pour un HorizontalPodAutoscaler, utilise `autoscaling/v2`.",
        example: 'apiVersion: autoscaling/v2',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet décrit par le manifeste : ici `HorizontalPodAutoscaler`.",
        example: 'kind: HorizontalPodAutoscaler',
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées de l'autoscaler : son `name`, son `namespace` (celui de sa cible), ses `labels` et ses `annotations`.",
        chapter: 'api-kubectl',
      },
      spec: {
        text: "Ce que tu demandes à l'autoscaler : quelle cible, entre combien et combien de répliques, et selon quelles métriques.",
      },
      status: {
        text: "État observé de l'autoscaler, rempli par Kubernetes (lecture seule) : répliques actuelles et voulues, valeurs des métriques et conditions. `kubectl get hpa` l'affiche.",
      },
    },
  },
  'autoscaling.v2.HorizontalPodAutoscalerBehavior': {
    text: "Règles de vitesse de mise à l'échelle, séparément pour la montée (`scaleUp`) et pour la descente (`scaleDown`).",
    chapter: 'quotidien',
    properties: {
      scaleDown: {
        text: "Règles pour réduire le nombre de Pods. Par défaut, l'autoscaler peut descendre jusqu'à `minReplicas`, avec une fenêtre de stabilisation de 300 secondes : il retient la plus haute recommandation des 5 dernières minutes.",
        default: "stabilisation de 300 s ; jusqu'à 100 % des Pods retirés par tranche de 15 s",
        example: 'scaleDown:\n  stabilizationWindowSeconds: 300\n  policies:\n    - type: Pods\n      value: 1\n      periodSeconds: 60',
      },
      scaleUp: {
        text: "Règles pour augmenter le nombre de Pods. Par défaut, sans stabilisation, l'autoscaler peut toutes les 15 secondes ajouter 4 Pods ou doubler le nombre de Pods, en prenant le plus grand des deux.",
        default: 'pas de stabilisation ; +4 Pods ou +100 % par tranche de 15 s (le plus grand des deux)',
      },
    },
  },
  'autoscaling.v2.HorizontalPodAutoscalerCondition': {
    text: "Une condition décrit un aspect de l'état de l'autoscaler : `AbleToScale` (il peut agir sur sa cible), `ScalingActive` (il arrive à calculer les métriques) ou `ScalingLimited` (il est bloqué par `minReplicas` ou `maxReplicas`). Remplie par Kubernetes (lecture seule).",
    chapter: 'quotidien',
    properties: {
      lastTransitionTime: { text: 'Date du dernier changement de statut de la condition.' },
      message: {
        text: "Explication lisible du dernier changement, précieuse quand l'autoscaler n'agit pas (par exemple : impossible de lire les métriques CPU).",
      },
      reason: { text: 'Raison courte, en un mot CamelCase, du dernier changement (par exemple `FailedGetResourceMetric`).' },
      status: { text: 'Statut de la condition : `True`, `False` ou `Unknown`.' },
      type: { text: 'Type de condition : `AbleToScale`, `ScalingActive` ou `ScalingLimited`.' },
    },
  },
  'autoscaling.v2.HorizontalPodAutoscalerSpec': {
    text: "Ce que tu demandes à l'autoscaler : l'objet à faire varier, les bornes du nombre de répliques, les métriques à suivre et, si besoin, la vitesse de variation.",
    chapter: 'quotidien',
    properties: {
      behavior: {
        text: "Règles de vitesse de mise à l'échelle, en montée et en descente. Sans ce champ, les règles par défaut s'appliquent : montée rapide, descente seulement après 5 minutes de stabilisation.",
        example: 'behavior:\n  scaleDown:\n    stabilizationWindowSeconds: 120',
      },
      maxReplicas: {
        text: "Nombre maximal de répliques que l'autoscaler peut atteindre. Obligatoire, et jamais inférieur à `minReplicas`. C'est ton garde-fou contre une explosion du nombre de Pods.",
        example: 'maxReplicas: 10',
      },
      metrics: {
        text: "Liste des métriques à suivre. Pour chacune, l'autoscaler calcule un nombre de répliques (répliques actuelles × valeur actuelle ÷ valeur visée) et retient le plus grand. Sans ce champ, la cible est 80 % d'utilisation CPU moyenne.",
        default: "80 % d'utilisation CPU moyenne",
        example: 'metrics:\n  - type: Resource\n    resource:\n      name: cpu\n      target:\n        type: Utilization\n        averageUtilization: 70',
      },
      minReplicas: {
        text: "Nombre minimal de répliques, en dessous duquel l'autoscaler ne descend jamais. La valeur 0 n'est permise qu'avec la feature gate alpha `HPAScaleToZero` et au moins une métrique `Object` ou `External`.",
        default: '1',
        example: 'minReplicas: 2',
      },
      scaleTargetRef: {
        text: "L'objet dont l'autoscaler ajuste le nombre de répliques, le plus souvent un Deployment ; ce sont aussi ses Pods dont les métriques sont mesurées. L'objet doit proposer la sous-ressource `scale`.",
        example: 'scaleTargetRef:\n  apiVersion: apps/v1\n  kind: Deployment\n  name: web',
      },
    },
  },
  'autoscaling.v2.HorizontalPodAutoscalerStatus': {
    text: "État observé de l'autoscaler, rempli par Kubernetes (lecture seule) : répliques actuelles et voulues, dernières valeurs des métriques et conditions.",
    chapter: 'quotidien',
    properties: {
      conditions: {
        text: "Conditions nécessaires au fonctionnement de l'autoscaler, et si elles sont remplies. Remplies par Kubernetes ; à lire quand le nombre de Pods ne bouge pas.",
      },
      currentMetrics: {
        text: "Dernières valeurs lues des métriques suivies. Remplies par Kubernetes ; c'est la colonne TARGETS de `kubectl get hpa` (`<unknown>` si les métriques ne remontent pas).",
      },
      currentReplicas: { text: "Nombre actuel de répliques de la cible, tel que vu par l'autoscaler. Rempli par Kubernetes." },
      desiredReplicas: {
        text: "Nombre de répliques calculé par l'autoscaler lors de son dernier passage. Rempli par Kubernetes.",
      },
      lastScaleTime: {
        text: "Date du dernier changement du nombre de Pods par l'autoscaler, qui s'en sert pour ne pas changer trop souvent. Remplie par Kubernetes.",
      },
      observedGeneration: {
        text: "Dernière génération de l'autoscaler prise en compte par le contrôleur. Remplie par Kubernetes.",
      },
    },
  },
  'autoscaling.v2.MetricIdentifier': {
    text: 'Identifie une métrique par son nom et, si besoin, par un sélecteur de labels qui la précise.',
    chapter: 'quotidien',
    properties: {
      name: {
        text: "Nom de la métrique, tel que l'expose l'adaptateur de métriques (par exemple `http_requests_per_second`).",
        example: 'name: http_requests_per_second',
      },
      selector: {
        text: 'Sélecteur de labels facultatif, transmis au serveur de métriques pour restreindre la métrique. Sans sélecteur, seul le nom sert à la trouver.',
      },
    },
  },
  'autoscaling.v2.MetricSpec': {
    text: "Une métrique suivie par l'autoscaler : `type` dit de quelle sorte elle est, et seul le champ correspondant (`resource`, `pods`, `object`, `external` ou `containerResource`) doit être rempli.",
    chapter: 'quotidien',
    properties: {
      containerResource: {
        text: 'Métrique de ressource (CPU, mémoire) mesurée sur un seul conteneur de chaque Pod de la cible. Stable depuis Kubernetes v1.30.',
      },
      external: {
        text: "Métrique globale qui ne vient d'aucun objet Kubernetes, fournie par un système extérieur au cluster (file de messages, load balancer du cloud...).",
      },
      object: { text: 'Métrique qui décrit un seul objet Kubernetes, par exemple le nombre de requêtes par seconde reçues par un Ingress.' },
      pods: {
        text: 'Métrique propre à chaque Pod de la cible (par exemple les transactions traitées par seconde), moyennée sur tous les Pods puis comparée à la cible. Elle nécessite un adaptateur de métriques personnalisées.',
      },
      resource: {
        text: "Métrique de ressource (CPU ou mémoire) des Pods de la cible, celle que fournit metrics-server. C'est le cas le plus courant : par exemple, viser 70 % d'utilisation CPU moyenne.",
        example: 'resource:\n  name: cpu\n  target:\n    type: Utilization\n    averageUtilization: 70',
      },
      type: {
        text: 'Sorte de métrique : `Resource`, `Pods`, `Object`, `External` ou `ContainerResource` ; le champ du même nom doit être rempli.',
        example: 'type: Resource',
      },
    },
  },
  'autoscaling.v2.MetricStatus': {
    text: "Dernière valeur lue d'une métrique suivie par l'autoscaler. Remplie par Kubernetes (lecture seule).",
    chapter: 'quotidien',
    properties: {
      containerResource: { text: "Valeur actuelle d'une métrique de ressource mesurée sur un conteneur précis de chaque Pod." },
      external: { text: "Valeur actuelle d'une métrique externe, sans lien avec un objet Kubernetes." },
      object: { text: "Valeur actuelle d'une métrique qui décrit un objet Kubernetes." },
      pods: { text: "Valeur actuelle d'une métrique propre aux Pods, moyennée sur tous les Pods de la cible." },
      resource: { text: "Valeur actuelle d'une métrique de ressource (CPU ou mémoire) des Pods de la cible." },
      type: {
        text: 'Sorte de métrique : `Resource`, `Pods`, `Object`, `External` ou `ContainerResource` ; indique quel champ est rempli.',
      },
    },
  },
  'autoscaling.v2.MetricTarget': {
    text: 'Valeur visée pour une métrique : une valeur totale, une valeur moyenne par Pod ou une utilisation moyenne en pourcentage des `requests`.',
    chapter: 'quotidien',
    properties: {
      averageUtilization: {
        text: "Utilisation moyenne visée sur tous les Pods, en pourcentage de la ressource demandée (`resources.requests`). Avec `averageUtilization: 70` et des requests de 500m CPU, l'autoscaler vise 350m par Pod. Seulement pour les métriques de ressource.",
        example: 'averageUtilization: 70',
      },
      averageValue: {
        text: 'Valeur moyenne visée par Pod, sous forme de quantité (par exemple `500m` ou `100Mi`).',
        example: 'target:\n  type: AverageValue\n  averageValue: 500m',
      },
      type: {
        text: 'Forme de la cible : `Utilization` (pourcentage des requests, avec `averageUtilization`), `AverageValue` (moyenne par Pod, avec `averageValue`) ou `Value` (valeur totale, avec `value`).',
        example: 'type: Utilization',
      },
      value: {
        text: 'Valeur totale visée pour la métrique, sous forme de quantité. Sert surtout avec les métriques `Object` et `External`.',
      },
    },
  },
  'autoscaling.v2.MetricValueStatus': {
    text: "Valeur actuelle d'une métrique, telle que lue par l'autoscaler. Remplie par Kubernetes (lecture seule).",
    chapter: 'quotidien',
    properties: {
      averageUtilization: {
        text: 'Utilisation moyenne actuelle sur tous les Pods, en pourcentage des `requests` de la ressource.',
      },
      averageValue: { text: 'Valeur moyenne actuelle de la métrique par Pod, sous forme de quantité.' },
      value: { text: 'Valeur totale actuelle de la métrique, sous forme de quantité.' },
    },
  },
  'autoscaling.v2.ObjectMetricSource': {
    text: "Métrique qui décrit un objet Kubernetes précis, par exemple les requêtes par seconde d'un Ingress. Elle nécessite un adaptateur de métriques personnalisées.",
    chapter: 'quotidien',
    properties: {
      describedObject: { text: "L'objet décrit par la métrique, désigné par son `apiVersion`, son `kind` et son `name`." },
      metric: { text: 'Identifie la métrique par son nom et, si besoin, un sélecteur.' },
      target: {
        text: 'Valeur visée : une valeur totale (`Value`) ou une valeur divisée par le nombre de Pods (`AverageValue`).',
      },
    },
  },
  'autoscaling.v2.ObjectMetricStatus': {
    text: "Valeur actuelle d'une métrique qui décrit un objet Kubernetes. Remplie par Kubernetes (lecture seule).",
    chapter: 'quotidien',
    properties: {
      current: { text: "Valeur actuelle de la métrique, telle que lue par l'autoscaler." },
      describedObject: { text: "L'objet décrit par la métrique, désigné par son `apiVersion`, son `kind` et son `name`." },
      metric: { text: 'Identifie la métrique par son nom et, si besoin, un sélecteur.' },
    },
  },
  'autoscaling.v2.PodsMetricSource': {
    text: "Métrique propre à chaque Pod de la cible, par exemple des transactions par seconde. Les valeurs sont moyennées sur tous les Pods avant d'être comparées à la cible ; seul le type de cible `AverageValue` est accepté.",
    chapter: 'quotidien',
    properties: {
      metric: { text: 'Identifie la métrique par son nom et, si besoin, un sélecteur.' },
      target: { text: 'Valeur moyenne visée par Pod (`AverageValue`).' },
    },
  },
  'autoscaling.v2.PodsMetricStatus': {
    text: "Valeur actuelle d'une métrique propre aux Pods de la cible. Remplie par Kubernetes (lecture seule).",
    chapter: 'quotidien',
    properties: {
      current: { text: "Valeur actuelle de la métrique, moyennée sur les Pods, telle que lue par l'autoscaler." },
      metric: { text: 'Identifie la métrique par son nom et, si besoin, un sélecteur.' },
    },
  },
  'autoscaling.v2.ResourceMetricSource': {
    text: "Métrique de ressource (CPU ou mémoire) des Pods de la cible, fournie par metrics-server. Les valeurs sont moyennées sur tous les Pods puis comparées à la cible ; pour une cible en pourcentage, les conteneurs doivent déclarer des `resources.requests`.",
    chapter: 'quotidien',
    properties: {
      name: { text: 'Ressource mesurée : `cpu` ou `memory`.', example: 'name: cpu' },
      target: {
        text: "Valeur visée : en général une utilisation moyenne (`Utilization`) en pourcentage des requests, ou une valeur moyenne par Pod (`AverageValue`).",
        example: 'target:\n  type: Utilization\n  averageUtilization: 70',
      },
    },
  },
  'autoscaling.v2.ResourceMetricStatus': {
    text: "Valeur actuelle d'une métrique de ressource (CPU ou mémoire) des Pods de la cible. Remplie par Kubernetes (lecture seule).",
    chapter: 'quotidien',
    properties: {
      current: { text: "Valeur actuelle de la métrique, telle que lue par l'autoscaler." },
      name: { text: 'Ressource mesurée : `cpu` ou `memory`.' },
    },
  },
  'batch.v1.CronJob': {
    text: "Un CronJob crée des Jobs à intervalles réguliers, selon un planning au format cron : sauvegarde chaque nuit, rapport chaque lundi... Chaque exécution est un Job distinct, qui lance ses propres Pods.",
    chapter: 'avance',
    properties: {
      apiVersion: {
        text: "Version de l'API qui décrit l'objet. Pour un CronJob, c'est `batch/v1`.",
        example: 'apiVersion: batch/v1',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet décrit par le manifeste : ici `CronJob`, avec la majuscule.",
        example: 'kind: CronJob',
        chapter: 'api-kubectl',
      },
      metadata: {
        text: 'Métadonnées du CronJob : son `name`, son `namespace`, ses `labels` et ses `annotations`. Son nom sert de préfixe aux Jobs créés.',
        chapter: 'api-kubectl',
      },
      spec: { text: 'Ce que tu demandes au CronJob : le planning, le Job à créer et la façon de gérer les exécutions.' },
      status: {
        text: 'État observé du CronJob, rempli par Kubernetes (lecture seule) : Jobs en cours et dates des dernières exécutions.',
      },
    },
  },
  'batch.v1.CronJobSpec': {
    text: 'Ce que tu demandes au CronJob : quand lancer un Job (planning), quel Job lancer et que faire des exécutions qui se chevauchent ou des anciens Jobs.',
    chapter: 'avance',
    properties: {
      concurrencyPolicy: {
        text: "Que faire si une exécution doit démarrer alors que la précédente tourne encore : `Allow` lance les deux en parallèle, `Forbid` saute la nouvelle exécution, `Replace` arrête l'ancienne et la remplace par la nouvelle.",
        default: 'Allow',
        example: 'concurrencyPolicy: Forbid',
      },
      failedJobsHistoryLimit: {
        text: 'Nombre de Jobs terminés en échec à conserver, avec leurs Pods, pour pouvoir lire leurs logs. Les plus anciens sont supprimés.',
        default: '1',
      },
      jobTemplate: {
        text: 'Modèle du Job créé à chaque exécution : ses métadonnées et sa `spec`, qui contient le modèle de Pod.',
        example: 'jobTemplate:\n  spec:\n    template:\n      spec:\n        restartPolicy: OnFailure\n        containers:\n          - name: sauvegarde\n            image: busybox:1.36\n            command: ["sh", "-c", "date; echo sauvegarde"]',
      },
      schedule: {
        text: "Planning au format cron, en cinq champs : minute, heure, jour du mois, mois, jour de la semaine. `0 3 * * *` veut dire tous les jours à 3 h ; `*/15 * * * *`, toutes les 15 minutes. Les raccourcis comme `@hourly` ou `@daily` sont acceptés. Mets la valeur entre guillemets dans le YAML.",
        example: 'schedule: "0 3 * * *"',
      },
      startingDeadlineSeconds: {
        text: "Délai maximal, en secondes, pour lancer une exécution qui n'a pas pu démarrer à l'heure prévue (contrôleur indisponible, `Forbid`...). Passé ce délai, cette exécution est sautée et comptée comme manquée.",
        example: 'startingDeadlineSeconds: 200',
      },
      successfulJobsHistoryLimit: {
        text: 'Nombre de Jobs terminés avec succès à conserver, avec leurs Pods. Les plus anciens sont supprimés.',
        default: '3',
      },
      suspend: {
        text: 'À `true`, suspend les prochaines exécutions ; les Jobs déjà lancés continuent. Pratique pour mettre un CronJob en pause sans le supprimer.',
        default: 'false',
        example: 'suspend: true',
      },
      timeZone: {
        text: "Fuseau horaire du planning, au format de la base tz (par exemple `Europe/Paris`). Sans ce champ, c'est le fuseau du processus kube-controller-manager, souvent UTC.",
        default: 'le fuseau horaire de kube-controller-manager',
        example: 'timeZone: Europe/Paris',
      },
    },
  },
  'batch.v1.CronJobStatus': {
    text: 'État observé du CronJob, rempli par Kubernetes (lecture seule).',
    chapter: 'avance',
    properties: {
      active: { text: 'Références vers les Jobs de ce CronJob qui tournent en ce moment. Remplies par Kubernetes.' },
      lastScheduleTime: { text: "Dernière date à laquelle un Job a été planifié avec succès. Remplie par Kubernetes." },
      lastSuccessfulTime: { text: 'Date de la dernière exécution terminée avec succès. Remplie par Kubernetes.' },
    },
  },
  'batch.v1.Job': {
    text: "Un Job lance un ou plusieurs Pods qui doivent aller au bout d'une tâche puis s'arrêter : migration de base de données, calcul, traitement par lot. Il relance les Pods en échec jusqu'à une limite, et il est terminé quand assez de Pods ont réussi (`completions`).",
    chapter: 'avance',
    properties: {
      apiVersion: {
        text: "Version de l'API qui décrit l'objet. Pour un Job, c'est `batch/v1`.",
        example: 'apiVersion: batch/v1',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet décrit par le manifeste : ici `Job`, avec la majuscule.",
        example: 'kind: Job',
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées du Job : son `name`, son `namespace`, ses `labels` et ses `annotations`. Sans labels, il reprend ceux du modèle de Pod.",
        chapter: 'api-kubectl',
      },
      spec: { text: 'Ce que tu demandes au Job : combien de réussites, combien de Pods en parallèle, combien de tentatives, et le modèle de Pod.' },
      status: {
        text: 'État observé du Job, rempli par Kubernetes (lecture seule) : Pods actifs, réussis ou en échec, dates de début et de fin, conditions.',
      },
    },
  },
  'batch.v1.JobCondition': {
    text: "Une condition décrit un aspect de l'état du Job : `Complete` (terminé avec succès), `Failed` (en échec), `Suspended` (suspendu)... Remplie par Kubernetes (lecture seule).",
    chapter: 'avance',
    properties: {
      lastProbeTime: { text: 'Date de la dernière vérification de la condition.' },
      lastTransitionTime: { text: 'Date du dernier changement de statut de la condition.' },
      message: { text: 'Explication lisible du dernier changement, par exemple le nombre de tentatives atteint.' },
      reason: { text: 'Raison courte du dernier changement, par exemple `BackoffLimitExceeded` ou `DeadlineExceeded`.' },
      status: { text: 'Statut de la condition : `True`, `False` ou `Unknown`.' },
      type: { text: 'Type de condition : `Complete`, `Failed`, `Suspended` ou `FailureTarget`, entre autres.' },
    },
  },
  'batch.v1.JobSpec': {
    text: 'Ce que tu demandes au Job : le modèle de Pod, le nombre de réussites attendues, le parallélisme, et les limites de tentatives et de durée.',
    chapter: 'avance',
    properties: {
      activeDeadlineSeconds: {
        text: "Durée maximale, en secondes, pendant laquelle le Job peut rester actif depuis son démarrage. Une fois dépassée, Kubernetes arrête tous ses Pods et marque le Job en échec (raison `DeadlineExceeded`), même s'il restait des tentatives.",
        example: 'activeDeadlineSeconds: 600',
      },
      backoffLimit: {
        text: 'Nombre de nouvelles tentatives avant de marquer le Job en échec. Les Pods en échec sont relancés avec un délai qui double à chaque fois (10 s, 20 s, 40 s..., plafonné à 6 minutes).',
        default: '6',
        example: 'backoffLimit: 3',
      },
      backoffLimitPerIndex: {
        text: "Pour un Job `Indexed` : nombre de tentatives permises pour chaque index avant de marquer cet index en échec, au lieu d'une limite globale. Exige `restartPolicy: Never` et ne peut plus être modifié. Bêta, activé par défaut en v1.30.",
      },
      completionMode: {
        text: "`NonIndexed` : le Job est terminé quand `completions` Pods ont réussi, peu importe lesquels. `Indexed` : chaque Pod reçoit un index de 0 à `completions` - 1 (variable d'environnement `JOB_COMPLETION_INDEX`), et le Job est terminé quand chaque index a réussi une fois.",
        default: 'NonIndexed',
        example: 'completionMode: Indexed',
      },
      completions: {
        text: "Nombre de Pods qui doivent se terminer avec succès pour que le Job soit terminé. Sans valeur (avec un `parallelism` renseigné), on est en mode « file de travail » : dès qu'un Pod réussit, le Job n'en lance plus et se termine quand les autres ont fini.",
        default: '1, si `parallelism` est absent aussi',
        example: 'completions: 5',
      },
      managedBy: {
        text: "Contrôleur qui gère ce Job ; laisse vide pour le contrôleur de Job de Kubernetes (`kubernetes.io/job-controller`). Sert à confier le Job à un outil externe. Alpha en v1.30 (feature gate `JobManagedBy`).",
      },
      manualSelector: {
        text: "À `true`, c'est toi qui choisis le `selector` et les labels des Pods, au lieu de laisser Kubernetes générer des labels uniques. Ne l'utilise que si tu sais exactement pourquoi : des labels partagés entre Jobs les perturbent.",
      },
      maxFailedIndexes: {
        text: "Avec `backoffLimitPerIndex` : nombre maximal d'index en échec avant que le Job entier soit marqué en échec et arrêté. Sans valeur, le Job va au bout de tous les index. Bêta en v1.30.",
      },
      parallelism: {
        text: "Nombre maximal de Pods du Job qui tournent en même temps. Vers la fin, il en tourne moins s'il reste moins de travail. À 0, le Job ne lance plus de Pods.",
        default: '1',
        example: 'parallelism: 2',
      },
      podFailurePolicy: {
        text: "Règles qui décident quoi faire quand un Pod échoue, selon ses codes de sortie ou ses conditions : faire échouer tout le Job aussitôt, ignorer l'échec, ou le compter normalement dans `backoffLimit`. Incompatible avec `restartPolicy: OnFailure`. Bêta, activé par défaut en v1.30.",
        example: 'podFailurePolicy:\n  rules:\n    - action: FailJob\n      onExitCodes:\n        operator: In\n        values: [42]',
      },
      podReplacementPolicy: {
        text: "Quand créer un Pod de remplacement : `TerminatingOrFailed` dès que l'ancien Pod est en cours d'arrêt ou en échec, `Failed` seulement une fois l'ancien Pod complètement arrêté (jamais deux Pods pour la même tâche en même temps). Avec `podFailurePolicy`, seul `Failed` est permis.",
        default: '`TerminatingOrFailed` (`Failed` si `podFailurePolicy` est défini)',
      },
      selector: {
        text: "Sélecteur des Pods du Job. Normalement, Kubernetes le remplit pour toi avec un label unique : ne le renseigne pas, sauf avec `manualSelector: true`.",
      },
      successPolicy: {
        text: "Pour un Job `Indexed` : règles qui déclarent le Job réussi avant que tous les index aient réussi, par exemple dès que l'index 0 (le « leader ») a réussi. Les Pods restants sont alors arrêtés. Alpha en v1.30 (feature gate `JobSuccessPolicy`).",
      },
      suspend: {
        text: 'À `true`, le Job ne crée pas de Pods ; si tu le suspends en cours de route, ses Pods actifs sont supprimés. À la reprise, le compteur de `activeDeadlineSeconds` repart de zéro.',
        default: 'false',
      },
      template: {
        text: "Modèle des Pods que le Job lance. `restartPolicy` doit y valoir `Never` (un nouveau Pod à chaque échec) ou `OnFailure` (le conteneur est relancé dans le même Pod).",
        example: 'template:\n  spec:\n    restartPolicy: Never\n    containers:\n      - name: calcul\n        image: perl:5.34\n        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]',
      },
      ttlSecondsAfterFinished: {
        text: "Durée, en secondes, après la fin du Job (succès ou échec) au bout de laquelle il est supprimé automatiquement, avec ses Pods. Sans ce champ, le Job reste jusqu'à ce que tu le supprimes ; à 0, il est supprimé dès qu'il est terminé.",
        example: 'ttlSecondsAfterFinished: 3600',
      },
    },
  },
  'batch.v1.JobStatus': {
    text: 'État observé du Job, rempli par Kubernetes (lecture seule). Les colonnes COMPLETIONS et DURATION de `kubectl get job` en viennent.',
    chapter: 'avance',
    properties: {
      active: {
        text: "Nombre de Pods en attente ou en cours d'exécution, hors Pods en cours d'arrêt. Vaut 0 quand le Job est terminé. Rempli par Kubernetes.",
      },
      completedIndexes: {
        text: 'Pour un Job `Indexed` : les index terminés avec succès, sous forme compacte (par exemple `1,3-5,7`). Remplis par Kubernetes.',
      },
      completionTime: {
        text: "Date à laquelle le Job s'est terminé avec succès ; absente en cas d'échec. Remplie par Kubernetes.",
      },
      conditions: {
        text: "Dernières conditions observées. Un Job est terminé quand il a la condition `Complete` ou `Failed` à `True` ; `Suspended` indique qu'il est suspendu. Remplies par Kubernetes.",
      },
      failed: { text: "Nombre de Pods arrivés en phase Failed ; ce nombre ne fait qu'augmenter. Rempli par Kubernetes." },
      failedIndexes: {
        text: 'Avec `backoffLimitPerIndex` : les index en échec, sous la même forme compacte que `completedIndexes`. Remplis par Kubernetes.',
      },
      ready: { text: 'Nombre de Pods du Job qui ont la condition Ready. Rempli par Kubernetes.' },
      startTime: {
        text: 'Date à laquelle le contrôleur a commencé à traiter le Job ; elle est remise à jour à chaque reprise après une suspension. Remplie par Kubernetes.',
      },
      succeeded: { text: 'Nombre de Pods arrivés en phase Succeeded. Rempli par Kubernetes.' },
      terminating: { text: "Nombre de Pods en cours d'arrêt (qui ont un `deletionTimestamp`). Rempli par Kubernetes." },
      uncountedTerminatedPods: {
        text: "Liste temporaire des UID de Pods terminés que le contrôleur n'a pas encore ajoutés aux compteurs `succeeded` et `failed`. Mécanisme interne, vide pour un Job terminé.",
      },
    },
  },
  'batch.v1.JobTemplateSpec': {
    text: "Modèle de Job utilisé par un CronJob : les métadonnées et la spécification de chaque Job qu'il crée.",
    chapter: 'avance',
    properties: {
      metadata: { text: 'Métadonnées (labels, annotations) appliquées aux Jobs créés à partir de ce modèle.' },
      spec: { text: 'Spécification des Jobs créés : modèle de Pod, `backoffLimit`, `completions`, etc.' },
    },
  },
  'batch.v1.PodFailurePolicy': {
    text: "Politique qui décide comment les échecs de Pods d'un Job sont traités, au lieu de tous les compter dans `backoffLimit`.",
    chapter: 'avance',
    properties: {
      rules: {
        text: "Liste de règles (20 au plus), évaluées dans l'ordre : la première qui correspond à l'échec s'applique et les suivantes sont ignorées. Si aucune ne correspond, l'échec est compté dans `backoffLimit`.",
      },
    },
  },
  'batch.v1.PodFailurePolicyOnExitCodesRequirement': {
    text: "Condition sur les codes de sortie des conteneurs d'un Pod en échec. Les conteneurs sortis avec le code 0 (succès) ne sont pas pris en compte.",
    chapter: 'avance',
    properties: {
      containerName: {
        text: 'Limite la vérification au conteneur (ou init container) de ce nom. Sans valeur, la règle regarde tous les conteneurs.',
      },
      operator: {
        text: "`In` : la condition est remplie si au moins un code de sortie fait partie de `values`. `NotIn` : si au moins un code de sortie n'en fait pas partie.",
        example: 'operator: In',
      },
      values: {
        text: 'Codes de sortie à comparer, triés et sans doublon (255 au plus). Le code 0 est interdit avec `In`.',
        example: 'values: [1, 42]',
      },
    },
  },
  'batch.v1.PodFailurePolicyOnPodConditionsPattern': {
    text: "Motif qui reconnaît une condition d'un Pod en échec, par exemple `DisruptionTarget` quand le Pod a été évincé ou préempté.",
    chapter: 'avance',
    properties: {
      status: { text: 'Statut que doit avoir la condition du Pod pour correspondre au motif.', default: 'True' },
      type: { text: 'Type de condition du Pod à rechercher, par exemple `DisruptionTarget`.' },
    },
  },
  'batch.v1.PodFailurePolicyRule': {
    text: "Une règle de la politique d'échec : une action, déclenchée selon les codes de sortie (`onExitCodes`) ou selon les conditions du Pod (`onPodConditions`), mais pas les deux.",
    chapter: 'avance',
    properties: {
      action: {
        text: "Ce qui se passe quand la règle correspond : `FailJob` (le Job échoue aussitôt et ses Pods sont arrêtés), `FailIndex` (seul l'index échoue, avec `backoffLimitPerIndex`), `Ignore` (l'échec n'est pas compté et un Pod de remplacement est créé) ou `Count` (l'échec est compté normalement).",
        example: 'action: Ignore',
      },
      onExitCodes: { text: 'Condition sur les codes de sortie des conteneurs du Pod.' },
      onPodConditions: {
        text: "Condition sur les conditions du Pod : remplie si au moins un motif correspond (20 motifs au plus). Cas classique : ignorer les échecs dus à une éviction (`DisruptionTarget`).",
        example: 'onPodConditions:\n  - type: DisruptionTarget',
      },
    },
  },
  'batch.v1.SuccessPolicy': {
    text: "Politique qui permet de déclarer un Job `Indexed` réussi avant que tous ses index aient réussi. Alpha en v1.30.",
    chapter: 'avance',
    properties: {
      rules: {
        text: "Règles possibles (20 au plus), évaluées dans l'ordre : dès qu'une est satisfaite, le Job est déclaré réussi et ses Pods restants sont arrêtés.",
      },
    },
  },
  'batch.v1.SuccessPolicyRule': {
    text: "Une règle de succès : une liste d'index qui doivent réussir (`succeededIndexes`), un nombre minimal de réussites (`succeededCount`), ou les deux.",
    chapter: 'avance',
    properties: {
      succeededCount: {
        text: "Nombre minimal d'index réussis pour déclarer le Job réussi. Avec `succeededIndexes`, seuls les index de cette liste comptent.",
      },
      succeededIndexes: {
        text: "Index qui doivent tous avoir réussi, écrits sous forme d'intervalles séparés par des virgules (par exemple `0` ou `1-3,5`), entre 0 et `completions` - 1.",
        example: 'succeededIndexes: "0"',
      },
    },
  },
  'batch.v1.UncountedTerminatedPods': {
    text: "UID des Pods terminés que le contrôleur de Job n'a pas encore comptés dans le statut. Mécanisme interne, rempli par Kubernetes.",
    chapter: 'avance',
    properties: {
      failed: { text: 'UID des Pods en échec pas encore comptés dans `failed`.' },
      succeeded: { text: 'UID des Pods réussis pas encore comptés dans `succeeded`.' },
    },
  },
  'policy.v1.PodDisruptionBudget': {
    text: "Un PodDisruptionBudget (PDB) limite le nombre de Pods d'une application qui peuvent être arrêtés en même temps lors d'interruptions volontaires, comme la vidange d'un nœud (`kubectl drain`) ou une mise à jour du cluster. Il ne protège ni contre les pannes ni contre les suppressions directes : seulement contre les évictions.",
    chapter: 'avance',
    properties: {
      apiVersion: {
        text: "Version de l'API qui décrit l'objet. Pour un PodDisruptionBudget, c'est `policy/v1`.",
        example: 'apiVersion: policy/v1',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet décrit par le manifeste : ici `PodDisruptionBudget`.",
        example: 'kind: PodDisruptionBudget',
        chapter: 'api-kubectl',
      },
      metadata: {
        text: 'Métadonnées du PDB : son `name`, son `namespace` (celui des Pods à protéger), ses `labels` et ses `annotations`.',
        chapter: 'api-kubectl',
      },
      spec: { text: 'Ce que tu demandes au PDB : quels Pods protéger, et combien doivent rester disponibles.' },
      status: {
        text: "État observé du PDB, rempli par Kubernetes (lecture seule) : nombre de Pods sains et nombre d'évictions permises en ce moment.",
      },
    },
  },
  'policy.v1.PodDisruptionBudgetSpec': {
    text: 'Ce que tu demandes au PDB : les Pods à protéger (`selector`) et soit combien doivent rester disponibles (`minAvailable`), soit combien peuvent manquer (`maxUnavailable`).',
    chapter: 'avance',
    properties: {
      maxUnavailable: {
        text: 'Nombre (ou pourcentage) maximal de Pods sélectionnés qui peuvent être indisponibles après une éviction. `0` bloque toutes les évictions volontaires. À ne pas combiner avec `minAvailable`.',
        example: 'maxUnavailable: 1',
      },
      minAvailable: {
        text: 'Nombre (ou pourcentage) de Pods sélectionnés qui doivent rester disponibles après une éviction. `100%` bloque toutes les évictions volontaires. À ne pas combiner avec `maxUnavailable`.',
        example: 'minAvailable: 2',
      },
      selector: {
        text: "Sélecteur de labels des Pods protégés par ce budget, dans le namespace du PDB. Un sélecteur vide (`{}`) prend tous les Pods du namespace ; sans sélecteur, aucun Pod n'est concerné.",
        example: 'selector:\n  matchLabels:\n    app: web',
      },
      unhealthyPodEvictionPolicy: {
        text: "Quand un Pod qui tourne sans être prêt (pas Ready) peut être évincé : `IfHealthyBudget`, seulement si l'application garde assez de Pods sains ; `AlwaysAllow`, toujours, ce qui évite qu'un Pod bloqué empêche la vidange d'un nœud.",
        default: 'IfHealthyBudget',
        example: 'unhealthyPodEvictionPolicy: AlwaysAllow',
      },
    },
  },
  'policy.v1.PodDisruptionBudgetStatus': {
    text: "État observé du PDB, rempli par Kubernetes (lecture seule). La colonne ALLOWED DISRUPTIONS de `kubectl get pdb` en vient. Il peut avoir un léger retard sur la réalité.",
    chapter: 'avance',
    properties: {
      conditions: {
        text: "Conditions du PDB ; le contrôleur y met `DisruptionAllowed`, à `True` quand au moins une éviction est permise. Sa raison (`SufficientPods`, `InsufficientPods` ou `SyncFailed`) explique pourquoi.",
      },
      currentHealthy: { text: 'Nombre actuel de Pods sains (Ready) parmi les Pods sélectionnés. Rempli par Kubernetes.' },
      desiredHealthy: {
        text: 'Nombre minimal de Pods sains voulu, calculé à partir de `minAvailable` ou de `maxUnavailable`. Rempli par Kubernetes.',
      },
      disruptedPods: {
        text: "Pods dont l'éviction a été acceptée par le serveur d'API mais pas encore constatée par le contrôleur du PDB, avec l'heure de la demande. Normalement vide ; beaucoup d'entrées signalent un problème de suppression de Pods.",
      },
      disruptionsAllowed: {
        text: "Nombre d'évictions de Pods permises en ce moment. À 0, un `kubectl drain` reste bloqué en attendant. Rempli par Kubernetes.",
      },
      expectedPods: { text: 'Nombre total de Pods pris en compte par ce budget. Rempli par Kubernetes.' },
      observedGeneration: {
        text: "Dernière génération du PDB prise en compte par le contrôleur. Les autres champs du statut ne sont fiables que si elle est égale à `metadata.generation`. Remplie par Kubernetes.",
      },
    },
  },
};
