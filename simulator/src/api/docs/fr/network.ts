import type { DocTable } from '../types';

/** Documentation en français : Service, Endpoints, Ingress, NetworkPolicy, ConfigMap, Secret, Namespace, Event, LimitRange, ResourceQuota, ServiceAccount et RBAC. */
export const NETWORK_DOCS: DocTable = {
  'core.v1.ClientIPConfig': {
    text: "Réglages de l'affinité de session basée sur l'adresse IP du client, utilisée quand un Service a `sessionAffinity: ClientIP`.",
    chapter: 'ressources',
    properties: {
      timeoutSeconds: {
        text: "Durée, en secondes, pendant laquelle les requêtes d'un même client continuent d'aller vers le même Pod. La valeur doit être comprise entre 1 et 86400 (un jour).",
        default: '10800 (3 heures)',
        example: 'sessionAffinityConfig:\n  clientIP:\n    timeoutSeconds: 3600',
      },
    },
  },
  'core.v1.ConfigMap': {
    text: "Objet qui stocke de la configuration non sensible sous forme de paires clé-valeur, pour la séparer de l'image du conteneur. Les Pods la lisent en variables d'environnement (`env`, `envFrom`) ou en fichiers grâce à un volume. Sa taille est limitée à 1 Mio ; pour des mots de passe ou des clés, utilise plutôt un Secret.",
    chapter: 'ressources',
    properties: {
      apiVersion: {
        text: "Version de l'API qui décrit l'objet. La ConfigMap fait partie du groupe de base (core) : la valeur est `v1`.",
        chapter: 'api-kubectl',
      },
      binaryData: {
        text: "Données binaires (qui ne sont pas du texte UTF-8), chaque valeur étant encodée en base64. Ses clés ne doivent pas reprendre celles de `data`.",
      },
      data: {
        text: "Les données de configuration : chaque clé (lettres, chiffres, `-`, `_` ou `.`) est associée à une valeur texte. Une valeur peut être un simple réglage ou le contenu complet d'un fichier de configuration (avec `|` en YAML). Quand la ConfigMap est montée en volume, chaque clé devient un fichier.",
        example: 'data:\n  LOG_LEVEL: info\n  game.properties: |\n    enemies=aliens\n    lives=3',
      },
      immutable: {
        text: "Si `true`, le contenu (`data` et `binaryData`) ne peut plus être modifié : seules les métadonnées peuvent encore changer. Pour changer la configuration, il faut alors supprimer et recréer l'objet. Cela évite les modifications accidentelles et allège le travail de l'API server.",
        example: 'immutable: true',
      },
      kind: {
        text: "Type de l'objet : ici `ConfigMap`.",
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées standard de l'objet : son nom (`name`), son namespace, ses labels et ses annotations. Les Pods désignent la ConfigMap par son nom.",
        chapter: 'api-kubectl',
      },
    },
  },
  'core.v1.EndpointAddress': {
    text: "Une adresse IP qui répond pour un Service, en général celle d'un Pod choisi par le `selector` du Service.",
    chapter: 'ressources',
    properties: {
      hostname: {
        text: "Nom d'hôte de ce point d'accès. Il est renseigné notamment pour les Pods d'un Service headless (par exemple ceux d'un StatefulSet), qui obtiennent ainsi leur propre nom DNS.",
      },
      ip: {
        text: "Adresse IP du point d'accès, le plus souvent l'IP du Pod. Les adresses de boucle locale (127.0.0.0/8, ::1) et link-local sont interdites.",
      },
      nodeName: {
        text: "Nom du nœud qui héberge ce point d'accès. Il permet de savoir quels points d'accès sont locaux à un nœud.",
      },
      targetRef: {
        text: "Référence vers l'objet qui fournit ce point d'accès, le plus souvent le Pod (type, nom, namespace, uid).",
      },
    },
  },
  'core.v1.EndpointPort': {
    text: "Un port ouvert sur les adresses d'un groupe de points d'accès (EndpointSubset).",
    chapter: 'ressources',
    properties: {
      appProtocol: {
        text: "Protocole applicatif du port (par exemple `http`, `https`, `kubernetes.io/h2c` ou `kubernetes.io/ws`), recopié depuis le port du Service. C'est une simple indication que certaines implémentations utilisent pour mieux traiter le trafic.",
      },
      name: {
        text: "Nom du port ; il doit correspondre au `name` du port du Service. Facultatif s'il n'y a qu'un seul port.",
      },
      port: {
        text: "Numéro du port sur le point d'accès, c'est-à-dire le port du conteneur visé par le `targetPort` du Service.",
      },
      protocol: {
        text: 'Protocole IP du port : `TCP`, `UDP` ou `SCTP`.',
        default: 'TCP',
      },
    },
  },
  'core.v1.EndpointSubset': {
    text: "Groupe d'adresses IP qui partagent les mêmes ports. Chaque adresse du groupe répond sur chacun des ports du groupe.",
    chapter: 'ressources',
    properties: {
      addresses: {
        text: "Adresses IP prêtes à recevoir du trafic (Pods dont la readinessProbe réussit). Ce sont elles entre lesquelles le Service répartit les requêtes.",
      },
      notReadyAddresses: {
        text: "Adresses IP qui ne sont pas prêtes : Pods encore en démarrage, ou dont une probe vient d'échouer. Elles ne reçoivent pas de trafic du Service ; si tous tes Pods apparaissent ici, vérifie leur readinessProbe.",
      },
      ports: {
        text: 'Ports disponibles sur les adresses de ce groupe.',
      },
    },
  },
  'core.v1.Endpoints': {
    text: "Liste des adresses IP et des ports qui répondent réellement derrière un Service. Pour un Service avec `selector`, Kubernetes crée et tient à jour cet objet tout seul, sous le même nom que le Service. Si `kubectl get endpoints <service>` n'affiche aucune adresse, le sélecteur ne correspond à aucun Pod prêt. Les EndpointSlices, plus récentes, portent la même information à plus grande échelle.",
    chapter: 'ressources',
    properties: {
      apiVersion: {
        text: "Version de l'API qui décrit l'objet : `v1` pour Endpoints, qui fait partie du groupe de base (core).",
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet : ici `Endpoints` (avec un s final, même pour un seul objet).",
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées standard. Le nom doit être exactement celui du Service auquel ces points d'accès appartiennent.",
        chapter: 'api-kubectl',
      },
      subsets: {
        text: "Les groupes d'adresses et de ports du Service. Une même adresse peut figurer dans plusieurs groupes si certains de ses ports sont prêts et d'autres non. Tu ne l'écris à la main que pour un Service sans `selector`.",
      },
    },
  },
  'core.v1.LoadBalancerIngress': {
    text: "Un point d'entrée du répartiteur de charge externe créé pour un Service `LoadBalancer` : l'adresse à laquelle envoyer le trafic destiné au Service. Rempli par Kubernetes (lecture seule).",
    chapter: 'ressources',
    properties: {
      hostname: {
        text: "Nom DNS du répartiteur de charge, pour ceux qui sont exposés par un nom (typiquement chez AWS).",
      },
      ip: {
        text: "Adresse IP du répartiteur de charge, pour ceux qui sont exposés par une IP (typiquement GCE ou OpenStack). C'est l'EXTERNAL-IP affichée par `kubectl get service`.",
      },
      ipMode: {
        text: "Comportement de l'IP du répartiteur : avec `VIP`, le trafic arrive sur le nœud avec l'IP du répartiteur comme destination ; avec `Proxy`, il arrive avec l'IP du nœud ou du Pod comme destination. kube-proxy s'en sert pour adapter son routage. Ne peut être indiqué que si `ip` l'est.",
        default: 'VIP (quand `ip` est renseignée)',
      },
      ports: {
        text: "État de chacun des ports du Service sur ce répartiteur, avec une éventuelle erreur.",
      },
    },
  },
  'core.v1.LoadBalancerStatus': {
    text: "État du répartiteur de charge externe d'un Service. Rempli par Kubernetes (lecture seule).",
    chapter: 'ressources',
    properties: {
      ingress: {
        text: "Points d'entrée (IP ou noms DNS) du répartiteur de charge. Tant que cette liste est vide, `kubectl get service` affiche `<pending>` dans la colonne EXTERNAL-IP.",
      },
    },
  },
  'core.v1.PortStatus': {
    text: "État d'un port de Service sur le répartiteur de charge externe. Rempli par Kubernetes (lecture seule).",
    chapter: 'ressources',
    properties: {
      error: {
        text: "Problème rencontré sur ce port, sous la forme d'un code en CamelCase (ou `domaine/CamelCase` pour une erreur propre au fournisseur cloud). Vide si tout va bien.",
      },
      port: {
        text: "Numéro du port du Service dont l'état est décrit ici.",
      },
      protocol: {
        text: 'Protocole du port du Service : `TCP`, `UDP` ou `SCTP`.',
      },
    },
  },
  'core.v1.Secret': {
    text: "Objet qui stocke des données sensibles (mots de passe, jetons, clés, certificats) pour les fournir aux Pods en variables d'environnement ou en fichiers. Attention : les valeurs sont seulement encodées en base64, pas chiffrées ; protège l'accès aux Secrets avec RBAC. Sa taille est limitée à 1 Mio.",
    chapter: 'ressources',
    properties: {
      apiVersion: {
        text: "Version de l'API qui décrit l'objet : `v1` pour un Secret, qui fait partie du groupe de base (core).",
        chapter: 'api-kubectl',
      },
      data: {
        text: "Les données secrètes : chaque clé (lettres, chiffres, `-`, `_` ou `.`) a une valeur encodée en base64, obtenue par exemple avec `echo -n 'motdepasse' | base64`. Le base64 n'est pas du chiffrement : n'importe qui peut le décoder.",
        example: 'data:\n  password: bXlwYXNzd29yZA==',
      },
      immutable: {
        text: "Si `true`, le contenu (`data`) ne peut plus être modifié : seules les métadonnées peuvent encore changer. Pour changer les valeurs, il faut supprimer et recréer le Secret. Cela évite les modifications accidentelles et allège le travail de l'API server.",
        example: 'immutable: true',
      },
      kind: {
        text: "Type de l'objet : ici `Secret`.",
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées standard de l'objet : son nom (`name`), son namespace, ses labels et ses annotations. Un Pod ne peut utiliser que les Secrets de son propre namespace.",
        chapter: 'api-kubectl',
      },
      stringData: {
        text: "Permet d'écrire les valeurs en clair, sans les encoder en base64 : Kubernetes les encode et les fusionne dans `data` à l'enregistrement, en remplaçant les clés identiques. Ce champ n'est jamais renvoyé quand on relit le Secret.",
        example: 'stringData:\n  username: admin\n  password: s3cr3t',
      },
      type: {
        text: "Type du Secret, qui indique comment lire ses données et quelles clés sont obligatoires : `Opaque` (données libres), `kubernetes.io/tls` (certificat), `kubernetes.io/dockerconfigjson` (accès à un registre d'images), `kubernetes.io/basic-auth`… Un type personnalisé est aussi possible. Il ne peut plus être changé après la création.",
        default: 'Opaque',
        example: 'type: Opaque',
      },
    },
  },
  'core.v1.Service': {
    text: "Donne un point d'accès réseau stable (une IP virtuelle et un nom DNS) à un ensemble de Pods choisis par leurs labels, et répartit le trafic entre eux. Les Pods vont et viennent avec des IP qui changent ; le Service, lui, reste. Son type (ClusterIP, NodePort, LoadBalancer ou ExternalName) détermine d'où il est joignable.",
    chapter: 'ressources',
    properties: {
      apiVersion: {
        text: "Version de l'API qui décrit l'objet : `v1` pour un Service, qui fait partie du groupe de base (core).",
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet : ici `Service`.",
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées standard. Le nom du Service devient son nom DNS dans le cluster : `<nom>.<namespace>.svc.cluster.local`, ou simplement `<nom>` depuis le même namespace.",
        example: 'metadata:\n  name: nginx-service',
        chapter: 'api-kubectl',
      },
      spec: {
        text: "Ce que tu veux obtenir : les Pods visés (`selector`), les ports exposés (`ports`) et la façon de les exposer (`type`).",
      },
      status: {
        text: "État observé du Service, rempli par Kubernetes (lecture seule) : surtout l'adresse du répartiteur de charge externe pour un Service `LoadBalancer`.",
      },
    },
  },
  'core.v1.ServicePort': {
    text: 'Un port exposé par un Service, et le port des Pods vers lequel il renvoie le trafic.',
    chapter: 'ressources',
    properties: {
      appProtocol: {
        text: "Protocole applicatif du port (par exemple `http`, `https`, `grpc`, `kubernetes.io/h2c` ou `kubernetes.io/ws`). C'est une indication que certaines implémentations (contrôleurs Ingress, service mesh) utilisent pour mieux traiter le trafic.",
      },
      name: {
        text: "Nom du port, obligatoire dès que le Service a plusieurs ports et unique dans le Service. C'est un nom DNS court (minuscules, chiffres et tirets) ; un Ingress peut désigner le port par ce nom.",
      },
      nodePort: {
        text: "Port ouvert sur chaque nœud du cluster pour les Services de type `NodePort` ou `LoadBalancer` : le trafic reçu sur `<IP d'un nœud>:<nodePort>` est envoyé au Service. Si tu ne l'indiques pas, Kubernetes en choisit un libre ; une valeur imposée doit être libre et dans la plage autorisée (30000-32767 par défaut).",
        default: 'un port libre entre 30000 et 32767 (types NodePort et LoadBalancer)',
        example: 'nodePort: 30080',
      },
      port: {
        text: "Port exposé par le Service sur son IP de cluster : c'est celui que les clients appellent (par exemple `http://nginx-service:80`). Obligatoire. Il peut être différent du port des conteneurs, indiqué par `targetPort`.",
        example: 'ports:\n  - port: 80\n    targetPort: 8080',
      },
      protocol: {
        text: 'Protocole IP du port : `TCP`, `UDP` ou `SCTP`.',
        default: 'TCP',
      },
      targetPort: {
        text: "Port des Pods vers lequel le trafic est envoyé : un numéro (1 à 65535) ou le nom d'un port déclaré dans les `ports` des conteneurs. Utiliser un nom permet de changer le port des conteneurs sans toucher au Service. S'il est absent, c'est la valeur de `port` qui est utilisée.",
        default: 'la valeur de `port`',
        example: 'targetPort: 8080',
      },
    },
  },
  'core.v1.ServiceSpec': {
    text: "La spécification d'un Service : quels Pods il vise, quels ports il expose et comment il est joignable.",
    chapter: 'ressources',
    properties: {
      allocateLoadBalancerNodePorts: {
        text: "Pour un Service `LoadBalancer` uniquement : indique si Kubernetes doit aussi allouer des `nodePort`. Tu peux le mettre à `false` si le répartiteur de charge de ton cluster envoie le trafic directement aux Pods, sans passer par les NodePorts.",
        default: 'true (type LoadBalancer)',
      },
      clusterIP: {
        text: "Adresse IP virtuelle du Service à l'intérieur du cluster, en général attribuée automatiquement. La valeur `None` crée un Service « headless » (sans IP virtuelle) : le DNS renvoie alors directement les IP des Pods, ce qu'utilisent les StatefulSets. Elle ne peut plus être modifiée après la création.",
        default: 'une IP libre de la plage réservée aux Services',
        example: 'clusterIP: None',
      },
      clusterIPs: {
        text: "Liste des IP virtuelles du Service : une seule, ou deux en double pile (une IPv4 et une IPv6). La première est toujours égale à `clusterIP`. En général attribuée automatiquement.",
        default: 'la valeur de `clusterIP`',
      },
      externalIPs: {
        text: "Adresses IP extérieures pour lesquelles les nœuds acceptent aussi le trafic de ce Service. Kubernetes ne gère pas ces IP : c'est à toi de faire arriver le trafic sur un nœud qui les porte. À utiliser avec prudence.",
      },
      externalName: {
        text: "Nom DNS externe vers lequel pointe un Service de type `ExternalName` : le DNS du cluster répond par un alias (enregistrement CNAME), sans proxy ni répartition de charge. Ce doit être un nom d'hôte en minuscules.",
        example: 'type: ExternalName\nexternalName: db.example.com',
      },
      externalTrafficPolicy: {
        text: "Comment les nœuds distribuent le trafic venu de l'extérieur (NodePort, LoadBalancer, externalIPs). `Cluster` répartit vers tous les Pods du Service, sur n'importe quel nœud. `Local` n'envoie qu'aux Pods du nœud qui a reçu le trafic et conserve l'IP source du client, mais un nœud sans Pod du Service rejette ce trafic.",
        default: 'Cluster (types NodePort et LoadBalancer)',
      },
      healthCheckNodePort: {
        text: "Port de contrôle de santé ouvert sur les nœuds, utilisé seulement par les Services `LoadBalancer` avec `externalTrafficPolicy: Local`. Le répartiteur de charge externe l'interroge pour savoir quels nœuds hébergent un Pod du Service. Il ne peut plus être modifié une fois défini.",
        default: 'alloué automatiquement (LoadBalancer avec `externalTrafficPolicy: Local`)',
      },
      internalTrafficPolicy: {
        text: "Comment les nœuds distribuent le trafic envoyé à la ClusterIP depuis l'intérieur du cluster. `Cluster` répartit vers tous les Pods du Service ; `Local` n'envoie qu'aux Pods situés sur le même nœud que le client, et abandonne le trafic s'il n'y en a aucun.",
        default: 'Cluster',
      },
      ipFamilies: {
        text: "Familles d'adresses IP du Service (`IPv4`, `IPv6`) : une seule, ou deux en double pile. En général déduites de la configuration du cluster et de `ipFamilyPolicy`. On peut ajouter ou retirer la famille secondaire, mais pas changer la principale.",
        default: 'la famille IP principale du cluster',
      },
      ipFamilyPolicy: {
        text: "Double pile IPv4/IPv6 souhaitée : `SingleStack` (une seule famille), `PreferDualStack` (deux familles si le cluster le permet, sinon une) ou `RequireDualStack` (deux familles, sinon la création échoue).",
        default: 'SingleStack',
      },
      loadBalancerClass: {
        text: "Classe de l'implémentation de répartiteur de charge qui doit prendre en charge ce Service `LoadBalancer` (par exemple `example.com/internal-vip`). Sans valeur, c'est l'implémentation par défaut du cluster, souvent celle du fournisseur cloud. Elle ne peut plus être changée une fois définie.",
      },
      loadBalancerIP: {
        text: "Obsolète : IP demandée pour le répartiteur de charge d'un Service `LoadBalancer`, ignorée si le fournisseur cloud ne le permet pas. Son sens varie selon les implémentations ; utilise plutôt les annotations propres à ton fournisseur.",
      },
      loadBalancerSourceRanges: {
        text: "Plages d'IP clientes (en CIDR) autorisées à joindre le répartiteur de charge externe, si le fournisseur cloud le permet. Pratique pour restreindre l'accès à un Service exposé sur Internet.",
      },
      ports: {
        text: "Liste des ports exposés par le Service. Chaque entrée associe le `port` du Service au `targetPort` des Pods, avec son protocole et, pour un Service NodePort ou LoadBalancer, le `nodePort` ouvert sur les nœuds. Avec plusieurs ports, chacun doit avoir un `name`.",
        example: 'ports:\n  - name: http\n    protocol: TCP\n    port: 80\n    targetPort: 8080',
      },
      publishNotReadyAddresses: {
        text: "Si `true`, les Pods sont publiés dans les Endpoints et le DNS même s'ils ne sont pas prêts. Sert surtout au Service headless d'un StatefulSet, pour que les membres d'une application en grappe (une base de données, par exemple) se découvrent avant d'être prêts.",
      },
      selector: {
        text: "Labels qui choisissent les Pods vers lesquels le Service envoie le trafic : chaque Pod prêt qui porte tous ces labels devient un point d'accès du Service. Ils doivent correspondre aux labels du `template` de ton Deployment ; une faute de frappe et le Service n'a plus aucun Pod. Sans sélecteur, Kubernetes ne gère pas les Endpoints : c'est à toi de les créer.",
        example: 'selector:\n  app: nginx',
      },
      sessionAffinity: {
        text: "Affinité de session : `ClientIP` envoie toutes les requêtes d'une même IP cliente vers le même Pod ; `None` répartit les connexions sans tenir compte du client.",
        default: 'None',
        example: 'sessionAffinity: ClientIP',
      },
      sessionAffinityConfig: {
        text: "Réglages de l'affinité de session, comme sa durée (`clientIP.timeoutSeconds`).",
      },
      trafficDistribution: {
        text: "Préférence sur la façon de répartir le trafic entre les Pods du Service : `PreferClose` demande de privilégier les Pods proches (même zone). Ce n'est qu'une indication ; le champ est alpha en v1.30 (feature gate `ServiceTrafficDistribution`).",
      },
      type: {
        text: "Comment le Service est exposé. `ClusterIP` : IP interne, joignable seulement depuis le cluster. `NodePort` : ouvre en plus le même port sur chaque nœud. `LoadBalancer` : crée en plus un répartiteur de charge externe chez le fournisseur cloud. `ExternalName` : simple alias DNS vers un nom externe (`externalName`).",
        default: 'ClusterIP',
        example: 'type: NodePort',
      },
    },
  },
  'core.v1.ServiceStatus': {
    text: "État observé d'un Service, rempli par Kubernetes (lecture seule).",
    chapter: 'ressources',
    properties: {
      conditions: {
        text: "Conditions qui décrivent l'état actuel du Service, renseignées par les contrôleurs (par exemple celui du répartiteur de charge).",
      },
      loadBalancer: {
        text: "État du répartiteur de charge externe, s'il y en a un : c'est ici qu'apparaît son IP ou son nom DNS une fois qu'il est créé.",
      },
    },
  },
  'core.v1.SessionAffinityConfig': {
    text: "Configuration de l'affinité de session d'un Service.",
    chapter: 'ressources',
    properties: {
      clientIP: {
        text: "Réglages de l'affinité basée sur l'IP du client, utilisés quand `sessionAffinity` vaut `ClientIP`.",
      },
    },
  },
  'networking.v1.HTTPIngressPath': {
    text: "Associe un chemin d'URL à un backend : les requêtes dont le chemin correspond sont envoyées à ce backend, en général un Service.",
    chapter: 'avance',
    properties: {
      backend: {
        text: 'Destination des requêtes qui correspondent à ce chemin : un Service et son port (ou une autre ressource). Obligatoire.',
        example: 'backend:\n  service:\n    name: web\n    port:\n      number: 80',
      },
      path: {
        text: "Chemin comparé à celui de la requête entrante. Il doit commencer par `/` et est obligatoire avec les types `Exact` et `Prefix`.",
        example: 'path: /api',
      },
      pathType: {
        text: "Façon de comparer le chemin (obligatoire). `Exact` : le chemin doit être identique. `Prefix` : correspondance par préfixe, segment par segment (`/foo` couvre `/foo/bar` mais pas `/foobar`). `ImplementationSpecific` : l'interprétation dépend du contrôleur Ingress.",
        example: 'pathType: Prefix',
      },
    },
  },
  'networking.v1.HTTPIngressRuleValue': {
    text: "Règles HTTP d'un Ingress pour un hôte : la liste des chemins et des backends vers lesquels ils mènent.",
    chapter: 'avance',
    properties: {
      paths: {
        text: "Liste des chemins et de leurs backends. Quand plusieurs chemins correspondent à une requête, le plus long l'emporte ; à longueur égale, `Exact` passe avant `Prefix`.",
        example: 'paths:\n  - path: /\n    pathType: Prefix\n    backend:\n      service:\n        name: web\n        port:\n          number: 80',
      },
    },
  },
  'networking.v1.IPBlock': {
    text: "Plage d'adresses IP (en notation CIDR, par exemple `192.168.1.0/24`) autorisée par une NetworkPolicy, avec d'éventuelles exceptions. Elle sert surtout pour le trafic qui vient de l'extérieur du cluster ou qui en sort, car les IP des Pods changent.",
    chapter: 'avance',
    properties: {
      cidr: {
        text: "La plage d'adresses, en notation CIDR (`10.0.0.0/16`, `2001:db8::/64`).",
        example: 'ipBlock:\n  cidr: 10.0.0.0/16',
      },
      except: {
        text: 'Plages à exclure de `cidr`, en notation CIDR ; elles doivent être comprises dans `cidr`.',
      },
    },
  },
  'networking.v1.Ingress': {
    text: "Expose des Services HTTP et HTTPS à l'extérieur du cluster avec des règles de routage par nom d'hôte et par chemin (`monsite.fr/api` vers le Service `api`, par exemple). Il gère aussi la terminaison TLS. Un Ingress ne fait rien tout seul : il faut un contrôleur Ingress (ingress-nginx, Traefik…) installé dans le cluster.",
    chapter: 'avance',
    properties: {
      apiVersion: {
        text: "Version de l'API : `networking.k8s.io/v1` pour un Ingress. Les anciennes versions (`extensions/v1beta1`, `networking.k8s.io/v1beta1`) ont été supprimées.",
        example: 'apiVersion: networking.k8s.io/v1',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet : ici `Ingress`.",
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées standard. Les contrôleurs Ingress lisent souvent des réglages supplémentaires dans les annotations (par exemple `nginx.ingress.kubernetes.io/rewrite-target`).",
        chapter: 'api-kubectl',
      },
      spec: {
        text: "Ce que tu veux obtenir : la classe d'Ingress, les règles de routage, le TLS et le backend par défaut.",
      },
      status: {
        text: "État observé, rempli par le contrôleur Ingress (lecture seule) : l'adresse du répartiteur de charge qui reçoit le trafic.",
      },
    },
  },
  'networking.v1.IngressBackend': {
    text: "Destination du trafic d'un Ingress : un Service (le cas courant) ou une autre ressource du même namespace.",
    chapter: 'avance',
    properties: {
      resource: {
        text: "Référence vers une autre ressource Kubernetes du namespace de l'Ingress, prise en charge par certains contrôleurs (par exemple du stockage de fichiers statiques). Exclusif avec `service`.",
      },
      service: {
        text: 'Le Service vers lequel envoyer le trafic, avec son port. Exclusif avec `resource`.',
      },
    },
  },
  'networking.v1.IngressClass': {
    text: "Décrit une classe d'Ingress, c'est-à-dire le contrôleur qui doit traiter les Ingress qui la choisissent via `ingressClassName`. L'annotation `ingressclass.kubernetes.io/is-default-class` mise à `true` en fait la classe par défaut des nouveaux Ingress qui n'en indiquent pas.",
    chapter: 'avance',
    properties: {
      apiVersion: {
        text: "Version de l'API : `networking.k8s.io/v1` pour une IngressClass.",
        example: 'apiVersion: networking.k8s.io/v1',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet : ici `IngressClass`.",
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées standard. Le nom de l'IngressClass est la valeur que les Ingress mettent dans `ingressClassName`. C'est une ressource globale au cluster, sans namespace.",
        chapter: 'api-kubectl',
      },
      spec: {
        text: 'Le contrôleur qui gère cette classe et ses éventuels paramètres.',
      },
    },
  },
  'networking.v1.IngressClassParametersReference': {
    text: "Référence vers un objet qui contient des paramètres supplémentaires pour le contrôleur d'une IngressClass.",
    chapter: 'avance',
    properties: {
      apiGroup: {
        text: "Groupe d'API de la ressource référencée. S'il est absent, la ressource doit appartenir au groupe de base (core).",
      },
      kind: {
        text: 'Type de la ressource référencée.',
      },
      name: {
        text: 'Nom de la ressource référencée.',
      },
      namespace: {
        text: 'Namespace de la ressource référencée : obligatoire quand `scope` vaut `Namespace`, interdit quand il vaut `Cluster`.',
      },
      scope: {
        text: 'Portée de la ressource référencée : `Cluster` (ressource globale) ou `Namespace` (ressource rangée dans un namespace).',
        default: 'Cluster',
      },
    },
  },
  'networking.v1.IngressClassSpec': {
    text: "Spécification d'une IngressClass : le contrôleur responsable et ses paramètres.",
    chapter: 'avance',
    properties: {
      controller: {
        text: "Nom du contrôleur qui gère cette classe, sous la forme d'un chemin préfixé par un domaine (par exemple `k8s.io/ingress-nginx`). Il ne peut plus être modifié.",
        example: 'controller: k8s.io/ingress-nginx',
      },
      parameters: {
        text: "Lien facultatif vers une ressource qui contient une configuration supplémentaire pour le contrôleur.",
      },
    },
  },
  'networking.v1.IngressLoadBalancerIngress': {
    text: "Un point d'entrée du répartiteur de charge d'un Ingress. Rempli par le contrôleur Ingress (lecture seule).",
    chapter: 'avance',
    properties: {
      hostname: {
        text: "Nom DNS du point d'entrée, pour les répartiteurs exposés par un nom.",
      },
      ip: {
        text: "Adresse IP du point d'entrée, celle qu'affiche la colonne ADDRESS de `kubectl get ingress`.",
      },
      ports: {
        text: 'Informations sur les ports exposés par ce répartiteur de charge.',
      },
    },
  },
  'networking.v1.IngressLoadBalancerStatus': {
    text: "État du répartiteur de charge d'un Ingress. Rempli par le contrôleur Ingress (lecture seule).",
    chapter: 'avance',
    properties: {
      ingress: {
        text: "Points d'entrée (IP ou noms DNS) qui reçoivent le trafic de l'Ingress.",
      },
    },
  },
  'networking.v1.IngressPortStatus': {
    text: "État d'un port du répartiteur de charge d'un Ingress, avec une éventuelle erreur. Rempli par le contrôleur (lecture seule).",
    chapter: 'avance',
    properties: {
      error: {
        text: "Problème rencontré sur ce port, sous la forme d'un code en CamelCase (ou `domaine/CamelCase` pour une erreur propre au fournisseur cloud). Vide si tout va bien.",
      },
      port: {
        text: 'Numéro du port concerné.',
      },
      protocol: {
        text: 'Protocole du port : `TCP`, `UDP` ou `SCTP`.',
      },
    },
  },
  'networking.v1.IngressRule': {
    text: "Règle de routage d'un Ingress : pour un nom d'hôte, la liste des chemins HTTP et des Services vers lesquels ils mènent. L'hôte est vérifié d'abord, puis le chemin.",
    chapter: 'avance',
    properties: {
      host: {
        text: "Nom de domaine auquel la règle s'applique (comparé à l'en-tête `Host` de la requête), par exemple `monsite.example.com`. Un joker est permis en premier segment (`*.example.com`, qui couvre un seul niveau) ; ni IP ni port. Sans `host`, la règle s'applique à toutes les requêtes.",
        example: 'host: monsite.example.com',
      },
      http: {
        text: 'Les chemins HTTP de cette règle et leurs backends.',
      },
    },
  },
  'networking.v1.IngressServiceBackend': {
    text: "Désigne un Service comme destination du trafic d'un Ingress.",
    chapter: 'avance',
    properties: {
      name: {
        text: "Nom du Service, qui doit se trouver dans le même namespace que l'Ingress.",
      },
      port: {
        text: 'Port du Service à utiliser, par son numéro (`number`) ou par son nom (`name`). Obligatoire.',
      },
    },
  },
  'networking.v1.IngressSpec': {
    text: "Spécification d'un Ingress : le contrôleur qui le traite, les règles de routage par hôte et par chemin, le TLS et le backend par défaut.",
    chapter: 'avance',
    properties: {
      defaultBackend: {
        text: "Backend qui reçoit les requêtes qui ne correspondent à aucune règle. Obligatoire s'il n'y a pas de `rules`. Sans lui, c'est le contrôleur Ingress qui décide (souvent une erreur 404).",
      },
      ingressClassName: {
        text: "Nom de l'IngressClass, donc du contrôleur Ingress, qui doit traiter cet Ingress (par exemple `nginx`). Ce champ remplace l'annotation `kubernetes.io/ingress.class`, obsolète.",
        default: "l'IngressClass marquée par défaut, s'il y en a une",
        example: 'ingressClassName: nginx',
      },
      rules: {
        text: "Règles de routage par nom d'hôte et par chemin. Si la liste est vide, ou si aucune règle ne correspond, le trafic va au `defaultBackend`.",
        example: 'rules:\n  - host: monsite.example.com\n    http:\n      paths:\n        - path: /\n          pathType: Prefix\n          backend:\n            service:\n              name: web\n              port:\n                number: 80',
      },
      tls: {
        text: "Configuration HTTPS (port 443) : pour une liste d'hôtes, le Secret qui contient le certificat et la clé. Plusieurs certificats peuvent partager le port 443 grâce à SNI, si le contrôleur le permet.",
        example: 'tls:\n  - hosts:\n      - monsite.example.com\n    secretName: monsite-tls',
      },
    },
  },
  'networking.v1.IngressStatus': {
    text: "État observé d'un Ingress, rempli par le contrôleur Ingress (lecture seule).",
    chapter: 'avance',
    properties: {
      loadBalancer: {
        text: "État du répartiteur de charge de l'Ingress, avec l'adresse qui reçoit le trafic.",
      },
    },
  },
  'networking.v1.IngressTLS': {
    text: "Configuration TLS d'un Ingress : les hôtes couverts par un certificat et le Secret qui le contient.",
    chapter: 'avance',
    properties: {
      hosts: {
        text: "Noms d'hôte couverts par le certificat ; ils doivent correspondre aux noms du certificat et, en général, aux `host` des règles. Sans valeur, le contrôleur applique son réglage d'hôte générique.",
      },
      secretName: {
        text: "Nom du Secret (de type `kubernetes.io/tls`, dans le même namespace) qui contient le certificat (`tls.crt`) et la clé privée (`tls.key`) utilisés pour le HTTPS sur le port 443.",
        example: 'secretName: monsite-tls',
      },
    },
  },
  'networking.v1.NetworkPolicy': {
    text: "Pare-feu entre Pods : décrit quel trafic réseau peut entrer dans un ensemble de Pods ou en sortir. Dès qu'une NetworkPolicy sélectionne un Pod, tout trafic qu'aucune politique n'autorise est bloqué dans le sens concerné ; les politiques s'additionnent. Elle n'a d'effet que si le plugin réseau (CNI) sait les appliquer, comme Calico ou Cilium.",
    chapter: 'avance',
    properties: {
      apiVersion: {
        text: "Version de l'API : `networking.k8s.io/v1` pour une NetworkPolicy.",
        example: 'apiVersion: networking.k8s.io/v1',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet : ici `NetworkPolicy`.",
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées standard. Une NetworkPolicy ne s'applique qu'aux Pods de son propre namespace.",
        chapter: 'api-kubectl',
      },
      spec: {
        text: "Les Pods concernés, les sens de trafic contrôlés et les règles d'autorisation.",
      },
    },
  },
  'networking.v1.NetworkPolicyEgressRule': {
    text: "Règle de trafic sortant : autorise les Pods sélectionnés à joindre certaines destinations sur certains ports. Le trafic doit correspondre à la fois à `to` et à `ports`.",
    chapter: 'avance',
    properties: {
      ports: {
        text: "Ports de destination autorisés ; il suffit que le trafic corresponde à l'un d'eux. Vide ou absent : tous les ports.",
        example: 'ports:\n  - protocol: UDP\n    port: 53',
      },
      to: {
        text: "Destinations autorisées (Pods, namespaces ou plages IP) ; il suffit que le trafic corresponde à l'une d'elles. Vide ou absent : toutes les destinations. Quand tu restreins la sortie, pense à autoriser le DNS (port 53), sinon les Pods ne résolvent plus aucun nom.",
      },
    },
  },
  'networking.v1.NetworkPolicyIngressRule': {
    text: "Règle de trafic entrant : autorise certaines sources à joindre les Pods sélectionnés sur certains ports. Le trafic doit correspondre à la fois à `from` et à `ports`.",
    chapter: 'avance',
    properties: {
      from: {
        text: "Sources autorisées (Pods, namespaces ou plages IP) ; il suffit que le trafic corresponde à l'une d'elles. Vide ou absent : toutes les sources.",
        example: 'from:\n  - podSelector:\n      matchLabels:\n        app: frontend',
      },
      ports: {
        text: "Ports des Pods sélectionnés ouverts par cette règle ; il suffit que le trafic corresponde à l'un d'eux. Vide ou absent : tous les ports.",
      },
    },
  },
  'networking.v1.NetworkPolicyPeer': {
    text: "Un interlocuteur autorisé à communiquer avec les Pods sélectionnés : des Pods (par labels), des namespaces (par labels), la combinaison des deux, ou une plage d'IP.",
    chapter: 'avance',
    properties: {
      ipBlock: {
        text: "Plage d'adresses IP autorisée. Si ce champ est utilisé, `podSelector` et `namespaceSelector` doivent être absents.",
      },
      namespaceSelector: {
        text: "Choisit des namespaces par leurs labels (`{}` : tous les namespaces). Dans le même élément qu'un `podSelector`, il vise les Pods correspondants de ces namespaces ; seul, il vise tous leurs Pods. Le label `kubernetes.io/metadata.name`, posé automatiquement, permet de viser un namespace par son nom.",
        example: 'namespaceSelector:\n  matchLabels:\n    kubernetes.io/metadata.name: monitoring',
      },
      podSelector: {
        text: "Choisit des Pods par leurs labels (`{}` : tous les Pods). Seul, il cherche dans le namespace de la NetworkPolicy ; avec un `namespaceSelector` dans le même élément, dans les namespaces choisis.",
        example: 'podSelector:\n  matchLabels:\n    app: frontend',
      },
    },
  },
  'networking.v1.NetworkPolicyPort': {
    text: 'Un port, ou une plage de ports, sur lequel le trafic est autorisé.',
    chapter: 'avance',
    properties: {
      endPort: {
        text: "Dernier port d'une plage qui va de `port` à `endPort` inclus. Il exige un `port` numérique et doit lui être supérieur ou égal.",
      },
      port: {
        text: "Numéro ou nom du port sur les Pods. Absent : tous les ports. Le trafic doit correspondre à la fois au protocole et au port.",
        example: 'port: 8080',
      },
      protocol: {
        text: 'Protocole à laisser passer : `TCP`, `UDP` ou `SCTP`.',
        default: 'TCP',
      },
    },
  },
  'networking.v1.NetworkPolicySpec': {
    text: "Spécification d'une NetworkPolicy : les Pods concernés et les règles de trafic entrant (`ingress`) et sortant (`egress`) autorisé.",
    chapter: 'avance',
    properties: {
      egress: {
        text: "Règles de trafic sortant autorisé pour les Pods sélectionnés. Un trafic sort s'il correspond à au moins une règle d'une des politiques qui visent le Pod. Avec `Egress` dans `policyTypes` et aucune règle, toute sortie est bloquée.",
        example: 'egress:\n  - to:\n      - podSelector:\n          matchLabels:\n            app: db\n    ports:\n      - port: 5432',
      },
      ingress: {
        text: "Règles de trafic entrant autorisé vers les Pods sélectionnés. Un trafic entre s'il correspond à au moins une règle d'une des politiques qui visent le Pod (le trafic venant du nœud du Pod reste permis). Sans aucune règle, tout le trafic entrant est bloqué.",
        example: 'ingress:\n  - from:\n      - podSelector:\n          matchLabels:\n            app: frontend\n    ports:\n      - port: 8080',
      },
      podSelector: {
        text: "Choisit, par leurs labels, les Pods du namespace auxquels la politique s'applique. Obligatoire ; `{}` sélectionne tous les Pods du namespace, ce qui sert pour une politique « tout refuser par défaut ».",
        example: 'podSelector:\n  matchLabels:\n    app: api',
      },
      policyTypes: {
        text: "Sens de trafic contrôlés : `Ingress` (entrant), `Egress` (sortant) ou les deux. Sans valeur, `Ingress` est toujours inclus, et `Egress` seulement s'il y a une section `egress` ; pour bloquer toute sortie, indique donc `Egress` explicitement.",
        default: "Ingress, plus Egress s'il y a une section `egress`",
        example: 'policyTypes:\n  - Ingress\n  - Egress',
      },
    },
  },
  'networking.v1.ServiceBackendPort': {
    text: "Port d'un Service visé par un Ingress, désigné soit par son numéro, soit par son nom.",
    chapter: 'avance',
    properties: {
      name: {
        text: 'Nom du port du Service (le `name` de son ServicePort). Exclusif avec `number`.',
      },
      number: {
        text: 'Numéro du port du Service (son `port`, pas le `targetPort` des Pods), par exemple 80. Exclusif avec `name`.',
        example: 'number: 80',
      },
    },
  },
  'core.v1.Event': {
    text: "Compte rendu de quelque chose qui s'est passé dans le cluster : Pod planifié, image téléchargée, probe en échec, ressources insuffisantes… C'est le premier outil de diagnostic : `kubectl get events` ou la section Events de `kubectl describe`. Les événements sont informatifs et éphémères : ils ne sont conservés qu'une heure par défaut.",
    chapter: 'quotidien',
    properties: {
      action: {
        text: "Action effectuée, ou qui a échoué, sur l'objet concerné.",
      },
      apiVersion: {
        text: "Version de l'API : `v1` pour cet objet Event. La nouvelle API d'événements, `events.k8s.io/v1`, décrit les mêmes événements.",
        chapter: 'api-kubectl',
      },
      count: {
        text: "Nombre de fois que cet événement s'est produit. Les répétitions sont regroupées au lieu d'être dupliquées, d'où les mentions comme « x5 over 10m » dans `kubectl describe`.",
      },
      eventTime: {
        text: "Date et heure précises (à la microseconde) de la première observation, renseignées par les composants qui utilisent la nouvelle API d'événements.",
      },
      firstTimestamp: {
        text: "Date et heure de la première occurrence enregistrée de l'événement.",
      },
      involvedObject: {
        text: "L'objet concerné par l'événement (un Pod, un Deployment, un nœud…) : son type, son nom, son namespace. `kubectl describe` s'en sert pour afficher les événements d'un objet.",
      },
      kind: {
        text: "Type de l'objet : ici `Event`.",
        chapter: 'api-kubectl',
      },
      lastTimestamp: {
        text: "Date et heure de la dernière occurrence enregistrée. Utile pour savoir si un problème est toujours d'actualité.",
      },
      message: {
        text: "Description lisible de ce qui s'est passé, par exemple « Back-off restarting failed container ».",
      },
      metadata: {
        text: "Métadonnées standard. Le nom d'un événement est généré à partir de celui de l'objet concerné, et l'événement est rangé dans le namespace de cet objet.",
        chapter: 'api-kubectl',
      },
      reason: {
        text: "Raison courte, en CamelCase, pensée pour les machines : `Scheduled`, `Pulled`, `Started`, `FailedScheduling`, `BackOff`, `Unhealthy`… Pratique pour filtrer ou chercher un problème.",
      },
      related: {
        text: "Objet secondaire lié à l'événement, pour les actions qui en impliquent plusieurs.",
      },
      reportingComponent: {
        text: "Nom du contrôleur qui a émis l'événement, par exemple `kubernetes.io/kubelet`.",
      },
      reportingInstance: {
        text: "Identifiant de l'instance du contrôleur qui a émis l'événement, par exemple `kubelet-xyzf`.",
      },
      series: {
        text: "Informations sur la série d'occurrences quand l'événement se répète de façon continue ; absent pour un événement isolé.",
      },
      source: {
        text: "Composant qui a signalé l'événement (par exemple `kubelet` ou `default-scheduler`) et nœud concerné. Forme historique de `reportingComponent`.",
      },
      type: {
        text: "Type de l'événement : `Normal` (simple information) ou `Warning` (quelque chose mérite ton attention). Pour ne voir que les avertissements : `kubectl get events --field-selector type=Warning`.",
      },
    },
  },
  'core.v1.EventSeries': {
    text: "Informations sur une série d'événements, c'est-à-dire une situation qui se répète ou qui dure.",
    chapter: 'quotidien',
    properties: {
      count: {
        text: "Nombre d'occurrences de la série jusqu'au dernier signalement.",
      },
      lastObservedTime: {
        text: 'Date et heure de la dernière occurrence observée.',
      },
    },
  },
  'core.v1.EventSource': {
    text: "Composant et nœud à l'origine d'un événement.",
    chapter: 'quotidien',
    properties: {
      component: {
        text: "Composant qui a généré l'événement, par exemple `kubelet` ou `default-scheduler`.",
      },
      host: {
        text: "Nom du nœud où l'événement a été généré.",
      },
    },
  },
  'core.v1.LimitRange': {
    text: "Fixe, dans un namespace, des valeurs par défaut et des bornes (minimum, maximum) pour les requests et limits des conteneurs et des Pods, et pour la taille des PersistentVolumeClaims. Il agit à la création des objets : un conteneur sans requests ou limits reçoit les valeurs par défaut, et un objet hors des bornes est refusé.",
    chapter: 'avance',
    properties: {
      apiVersion: {
        text: "Version de l'API : `v1` pour un LimitRange, qui fait partie du groupe de base (core).",
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet : ici `LimitRange`.",
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées standard. Le LimitRange s'applique au namespace dans lequel il est créé.",
        chapter: 'api-kubectl',
      },
      spec: {
        text: 'Les limites appliquées dans le namespace.',
      },
    },
  },
  'core.v1.LimitRangeItem': {
    text: "Bornes et valeurs par défaut pour un type d'objet (`Container`, `Pod` ou `PersistentVolumeClaim`), ressource par ressource (`cpu`, `memory`, `storage`…).",
    chapter: 'avance',
    properties: {
      default: {
        text: "Limite (`limits`) attribuée, ressource par ressource, aux conteneurs qui n'en indiquent pas. Pour le type `Container` uniquement.",
        default: 'la valeur de `max` (type Container)',
        example: 'default:\n  cpu: 500m\n  memory: 256Mi',
      },
      defaultRequest: {
        text: "Demande (`requests`) attribuée, ressource par ressource, aux conteneurs qui n'en indiquent pas. Pour le type `Container` uniquement.",
        default: 'la valeur de `default`, sinon celle de `min` (type Container)',
        example: 'defaultRequest:\n  cpu: 100m\n  memory: 128Mi',
      },
      max: {
        text: "Valeur maximale autorisée par ressource : pour la limite d'un conteneur, pour la somme des conteneurs d'un Pod, ou pour la taille demandée par un PVC. Au-delà, la création est refusée.",
        example: 'max:\n  memory: 1Gi',
      },
      maxLimitRequestRatio: {
        text: "Rapport maximal entre la limite et la demande d'une ressource (limite divisée par demande). Par exemple `cpu: 4` interdit une limite CPU plus de quatre fois supérieure à la demande ; les deux valeurs doivent alors être renseignées et non nulles.",
      },
      min: {
        text: "Valeur minimale exigée par ressource : pour la demande d'un conteneur, pour la somme des conteneurs d'un Pod, ou pour la taille demandée par un PVC. En dessous, la création est refusée.",
      },
      type: {
        text: "Type d'objet auquel s'appliquent ces limites : `Container` (chaque conteneur), `Pod` (somme de ses conteneurs) ou `PersistentVolumeClaim` (stockage demandé).",
        example: 'type: Container',
      },
    },
  },
  'core.v1.LimitRangeSpec': {
    text: "Spécification d'un LimitRange : la liste des limites appliquées.",
    chapter: 'avance',
    properties: {
      limits: {
        text: "Liste des limites, en général une entrée par type d'objet (Container, Pod, PersistentVolumeClaim).",
        example: 'limits:\n  - type: Container\n    default:\n      cpu: 500m\n    defaultRequest:\n      cpu: 100m',
      },
    },
  },
  'core.v1.LocalObjectReference': {
    text: "Référence vers un objet du même namespace, par son seul nom (par exemple un Secret dans `imagePullSecrets`).",
    chapter: 'ressources',
    properties: {
      name: {
        text: "Nom de l'objet référencé, qui doit se trouver dans le même namespace.",
      },
    },
  },
  'core.v1.Namespace': {
    text: "Espace de noms qui découpe le cluster en zones logiques (par équipe, projet ou environnement). Les noms des ressources doivent être uniques dans un namespace, et on peut y appliquer quotas, limites, RBAC et NetworkPolicies. Supprimer un namespace supprime tout ce qu'il contient. Un cluster démarre avec `default`, `kube-system`, `kube-public` et `kube-node-lease`.",
    chapter: 'ressources',
    properties: {
      apiVersion: {
        text: "Version de l'API : `v1` pour un Namespace, qui fait partie du groupe de base (core).",
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet : ici `Namespace`.",
        example: 'kind: Namespace',
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées standard. Le nom du namespace (minuscules, chiffres et tirets, 63 caractères au plus) ; Kubernetes ajoute tout seul le label `kubernetes.io/metadata.name` avec ce nom.",
        example: 'metadata:\n  name: development',
        chapter: 'api-kubectl',
      },
      spec: {
        text: 'Spécification du namespace ; elle ne contient que ses finalizers.',
      },
      status: {
        text: 'État du namespace, rempli par Kubernetes (lecture seule) : actif ou en cours de suppression.',
      },
    },
  },
  'core.v1.NamespaceCondition': {
    text: "Une condition sur l'état d'un namespace, utile surtout pour comprendre pourquoi sa suppression est bloquée. Remplie par Kubernetes (lecture seule).",
    chapter: 'ressources',
    properties: {
      lastTransitionTime: {
        text: 'Date et heure du dernier changement de statut de la condition.',
      },
      message: {
        text: 'Message lisible qui détaille la condition.',
      },
      reason: {
        text: 'Raison courte, en CamelCase, du dernier changement de la condition.',
      },
      status: {
        text: 'Statut de la condition : `True`, `False` ou `Unknown`.',
      },
      type: {
        text: 'Type de la condition, par exemple `NamespaceContentRemaining` ou `NamespaceDeletionContentFailure`, qui signalent un problème pendant la suppression.',
      },
    },
  },
  'core.v1.NamespaceSpec': {
    text: "Spécification d'un namespace.",
    chapter: 'ressources',
    properties: {
      finalizers: {
        text: "Finalizers qui doivent tous avoir été retirés pour que le namespace soit définitivement supprimé. Kubernetes y place `kubernetes`, qu'il retire une fois tout le contenu du namespace effacé. Un namespace bloqué en `Terminating` attend souvent la fin de ce nettoyage.",
        default: '["kubernetes"]',
      },
    },
  },
  'core.v1.NamespaceStatus': {
    text: "État observé d'un namespace, rempli par Kubernetes (lecture seule).",
    chapter: 'ressources',
    properties: {
      conditions: {
        text: "Dernières observations sur l'état du namespace, utiles surtout pendant sa suppression.",
      },
      phase: {
        text: "Phase du namespace : `Active` (utilisable) ou `Terminating` (en cours de suppression ; on ne peut plus y créer d'objets).",
        default: 'Active',
      },
    },
  },
  'core.v1.ObjectReference': {
    text: "Référence complète vers un objet de l'API (type, nom, namespace, uid…), par exemple l'objet concerné par un événement.",
    chapter: 'api-kubectl',
    properties: {
      apiVersion: {
        text: "Version de l'API de l'objet référencé, par exemple `v1` ou `apps/v1`.",
      },
      fieldPath: {
        text: "Partie précise de l'objet visée, quand la référence ne porte pas sur l'objet entier. Pour un conteneur d'un Pod, par exemple : `spec.containers{nginx}`.",
      },
      kind: {
        text: "Type de l'objet référencé, par exemple `Pod` ou `Secret`.",
      },
      name: {
        text: "Nom de l'objet référencé.",
      },
      namespace: {
        text: "Namespace de l'objet référencé.",
      },
      resourceVersion: {
        text: "Version précise de l'objet visée par la référence, si besoin. La `resourceVersion` d'un objet change à chaque modification.",
      },
      uid: {
        text: "Identifiant unique de l'objet référencé, attribué par Kubernetes à la création. Il distingue deux objets qui ont porté le même nom l'un après l'autre.",
      },
    },
  },
  'core.v1.ResourceQuota': {
    text: "Plafonne la consommation totale d'un namespace : somme des requests et limits de CPU et de mémoire, stockage demandé, nombre d'objets (Pods, Services, Secrets…). Une création qui ferait dépasser le quota est refusée. Avec un quota sur le CPU ou la mémoire, chaque Pod doit indiquer ses requests et limits (un LimitRange peut fournir des valeurs par défaut).",
    chapter: 'avance',
    properties: {
      apiVersion: {
        text: "Version de l'API : `v1` pour un ResourceQuota, qui fait partie du groupe de base (core).",
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet : ici `ResourceQuota`.",
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées standard. Le quota s'applique au namespace dans lequel il est créé.",
        chapter: 'api-kubectl',
      },
      spec: {
        text: 'Les plafonds voulus et, éventuellement, les objets concernés.',
      },
      status: {
        text: 'Plafonds appliqués et consommation actuelle, remplis par Kubernetes (lecture seule). `kubectl describe resourcequota` les affiche côte à côte.',
      },
    },
  },
  'core.v1.ResourceQuotaSpec': {
    text: "Spécification d'un ResourceQuota : les plafonds et, éventuellement, les filtres qui limitent les objets comptés.",
    chapter: 'avance',
    properties: {
      hard: {
        text: "Plafond par ressource, par exemple `requests.cpu`, `requests.memory`, `limits.cpu`, `limits.memory`, `requests.storage`, `persistentvolumeclaims`, `pods`, `services` ou `count/deployments.apps`.",
        example: 'hard:\n  requests.cpu: "4"\n  requests.memory: 8Gi\n  limits.memory: 16Gi\n  pods: "20"',
      },
      scopeSelector: {
        text: "Filtre plus expressif que `scopes`, avec des opérateurs (par exemple pour ne compter que les Pods d'une PriorityClass donnée). Un objet n'est compté que s'il correspond à la fois à `scopes` et à `scopeSelector`.",
      },
      scopes: {
        text: 'Filtres qui limitent les objets comptés : `Terminating`, `NotTerminating`, `BestEffort`, `NotBestEffort`, `PriorityClass` ou `CrossNamespacePodAffinity`. Sans filtre, le quota compte tous les objets.',
      },
    },
  },
  'core.v1.ResourceQuotaStatus': {
    text: "Plafonds appliqués et consommation observée d'un ResourceQuota. Rempli par Kubernetes (lecture seule).",
    chapter: 'avance',
    properties: {
      hard: {
        text: 'Plafonds actuellement appliqués, par ressource.',
      },
      used: {
        text: "Consommation actuelle du namespace, par ressource. Comparée à `hard`, elle indique ce qu'il reste.",
      },
    },
  },
  'core.v1.ScopeSelector': {
    text: "Sélecteur de portées d'un ResourceQuota : toutes ses conditions doivent être remplies (ET logique).",
    chapter: 'avance',
    properties: {
      matchExpressions: {
        text: 'Liste de conditions sur les portées, chacune avec un nom de portée, un opérateur et des valeurs.',
      },
    },
  },
  'core.v1.ScopedResourceSelectorRequirement': {
    text: "Une condition d'un `scopeSelector` : une portée, un opérateur et des valeurs.",
    chapter: 'avance',
    properties: {
      operator: {
        text: 'Relation entre la portée et les valeurs : `In`, `NotIn`, `Exists` ou `DoesNotExist`.',
      },
      scopeName: {
        text: 'Nom de la portée concernée, par exemple `PriorityClass`, `BestEffort` ou `Terminating`.',
      },
      values: {
        text: 'Valeurs à comparer : au moins une avec `In` et `NotIn`, aucune avec `Exists` et `DoesNotExist`.',
      },
    },
  },
  'core.v1.ServiceAccount': {
    text: "Identité utilisée par les processus qui tournent dans les Pods pour s'adresser à l'API Kubernetes. Chaque namespace a un ServiceAccount `default` ; un Pod utilise celui indiqué dans son `serviceAccountName`. On lui donne des droits en le liant à un Role ou à un ClusterRole avec un RoleBinding.",
    chapter: 'rbac',
    properties: {
      apiVersion: {
        text: "Version de l'API : `v1` pour un ServiceAccount, qui fait partie du groupe de base (core).",
        chapter: 'api-kubectl',
      },
      automountServiceAccountToken: {
        text: "Indique si un jeton d'accès à l'API est monté automatiquement dans les Pods qui utilisent ce ServiceAccount. Mets `false` si l'application n'a pas besoin de parler à l'API : c'est une bonne pratique de sécurité. Le Pod peut passer outre avec son propre champ du même nom.",
        default: 'true',
        example: 'automountServiceAccountToken: false',
      },
      imagePullSecrets: {
        text: "Secrets (de type `kubernetes.io/dockerconfigjson`) qui servent à télécharger les images d'un registre privé ; ils sont ajoutés automatiquement aux Pods qui utilisent ce ServiceAccount. Seul le kubelet s'en sert.",
        example: 'imagePullSecrets:\n  - name: regcred',
      },
      kind: {
        text: "Type de l'objet : ici `ServiceAccount`.",
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées standard. Le nom est celui que les Pods indiquent dans `serviceAccountName` ; pour RBAC, l'identité complète est `system:serviceaccount:<namespace>:<nom>`.",
        chapter: 'api-kubectl',
      },
      secrets: {
        text: "Secrets du namespace que les Pods de ce ServiceAccount ont le droit d'utiliser ; la restriction ne s'applique qu'avec l'annotation `kubernetes.io/enforce-mountable-secrets`. Depuis Kubernetes 1.24, aucun Secret de jeton n'y est plus ajouté automatiquement : les Pods reçoivent des jetons temporaires par l'API TokenRequest.",
      },
    },
  },
  'rbac.v1.AggregationRule': {
    text: "Règle d'agrégation d'un ClusterRole : les règles des ClusterRoles qui portent certains labels y sont ajoutées automatiquement. C'est ainsi que les rôles intégrés `admin`, `edit` et `view` s'enrichissent des droits sur de nouvelles ressources.",
    chapter: 'rbac',
    properties: {
      clusterRoleSelectors: {
        text: "Sélecteurs de labels qui choisissent les ClusterRoles à agréger ; il suffit qu'un seul sélecteur corresponde.",
      },
    },
  },
  'rbac.v1.ClusterRole': {
    text: "Ensemble de permissions défini à l'échelle du cluster (sans namespace). Il sert pour les ressources globales (nœuds, PersistentVolumes…), pour les URL qui ne sont pas des ressources (`/healthz`), ou comme rôle commun réutilisé dans plusieurs namespaces grâce à des RoleBindings.",
    chapter: 'rbac',
    properties: {
      aggregationRule: {
        text: "Construit les règles automatiquement à partir d'autres ClusterRoles choisis par labels. Dans ce cas, les `rules` sont gérées par un contrôleur : tes modifications directes seraient écrasées.",
      },
      apiVersion: {
        text: "Version de l'API : `rbac.authorization.k8s.io/v1` pour tous les objets RBAC.",
        example: 'apiVersion: rbac.authorization.k8s.io/v1',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet : ici `ClusterRole`.",
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées standard, sans namespace puisque l'objet est global au cluster.",
        chapter: 'api-kubectl',
      },
      rules: {
        text: "Permissions accordées : chaque règle associe des groupes d'API, des ressources et des verbes. Les règles s'additionnent : RBAC ne sait qu'autoriser, tout le reste est refusé.",
        example: 'rules:\n  - apiGroups: [""]\n    resources: ["nodes"]\n    verbs: ["get", "list", "watch"]',
      },
    },
  },
  'rbac.v1.ClusterRoleBinding': {
    text: "Accorde les permissions d'un ClusterRole à des utilisateurs, groupes ou ServiceAccounts dans tout le cluster, donc dans tous les namespaces. À manier avec prudence : pour des droits limités à un namespace, préfère un RoleBinding.",
    chapter: 'rbac',
    properties: {
      apiVersion: {
        text: "Version de l'API : `rbac.authorization.k8s.io/v1`.",
        example: 'apiVersion: rbac.authorization.k8s.io/v1',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet : ici `ClusterRoleBinding`.",
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées standard, sans namespace puisque l'objet est global au cluster.",
        chapter: 'api-kubectl',
      },
      roleRef: {
        text: 'Le ClusterRole accordé (seul un ClusterRole est possible ici). Non modifiable : pour changer de rôle, supprime et recrée le binding.',
        example: 'roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view',
      },
      subjects: {
        text: 'Les bénéficiaires des permissions : utilisateurs, groupes ou ServiceAccounts (pour un ServiceAccount, le `namespace` est obligatoire).',
        example: 'subjects:\n  - kind: ServiceAccount\n    name: monitoring\n    namespace: monitoring',
      },
    },
  },
  'rbac.v1.PolicyRule': {
    text: "Une règle de permission : quels verbes sont autorisés sur quelles ressources de quels groupes d'API. Elle ne dit pas à qui elle s'applique : c'est le rôle du binding.",
    chapter: 'rbac',
    properties: {
      apiGroups: {
        text: "Groupes d'API des ressources visées : la chaîne vide `\"\"` pour le groupe de base (pods, services, secrets…), `apps` pour les deployments, `batch` pour les jobs, `*` pour tous.",
        example: 'apiGroups: ["", "apps"]',
      },
      nonResourceURLs: {
        text: "Chemins d'URL qui ne sont pas des ressources (par exemple `/healthz` ou `/metrics`) ; `*` n'est permis qu'à la fin. Seulement dans un ClusterRole lié par un ClusterRoleBinding ; une règle porte soit sur des ressources, soit sur des URL, jamais les deux.",
      },
      resourceNames: {
        text: "Restreint la règle à certains objets désignés par leur nom (par exemple un seul Secret). Vide : tous les objets. Une règle limitée par noms ne peut pas autoriser `create` ni `deletecollection`, car le nom n'est pas connu à l'avance.",
        example: 'resourceNames: ["app-config"]',
      },
      resources: {
        text: "Ressources visées, au pluriel et en minuscules (`pods`, `deployments`, `secrets`), ou `*` pour toutes. Une sous-ressource s'écrit avec une barre oblique : `pods/log`, `pods/exec`, `deployments/scale`.",
        example: 'resources: ["pods", "pods/log"]',
      },
      verbs: {
        text: "Actions autorisées sur toutes les ressources de la règle : `get`, `list`, `watch` pour lire ; `create`, `update`, `patch`, `delete`, `deletecollection` pour écrire ; `*` pour tout.",
        example: 'verbs: ["get", "list", "watch"]',
      },
    },
  },
  'rbac.v1.Role': {
    text: "Ensemble de permissions valables dans un seul namespace, celui du Role. Il ne donne aucun droit par lui-même : il faut le lier à des utilisateurs, groupes ou ServiceAccounts avec un RoleBinding.",
    chapter: 'rbac',
    properties: {
      apiVersion: {
        text: "Version de l'API : `rbac.authorization.k8s.io/v1` pour tous les objets RBAC.",
        example: 'apiVersion: rbac.authorization.k8s.io/v1',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet : ici `Role`.",
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées standard. Le `namespace` indique où s'appliquent les permissions.",
        example: 'metadata:\n  name: pod-reader\n  namespace: default',
        chapter: 'api-kubectl',
      },
      rules: {
        text: "Permissions accordées dans le namespace : groupes d'API, ressources et verbes. Les règles s'additionnent : rien ne peut être interdit explicitement, tout ce qui n'est pas autorisé est refusé.",
        example: 'rules:\n  - apiGroups: [""]\n    resources: ["pods"]\n    verbs: ["get", "watch", "list"]',
      },
    },
  },
  'rbac.v1.RoleBinding': {
    text: "Accorde les permissions d'un Role, ou d'un ClusterRole, à des utilisateurs, groupes ou ServiceAccounts, uniquement dans le namespace du RoleBinding. Lier un ClusterRole par un RoleBinding permet de réutiliser un rôle commun (comme `view` ou `edit`) dans un seul namespace.",
    chapter: 'rbac',
    properties: {
      apiVersion: {
        text: "Version de l'API : `rbac.authorization.k8s.io/v1`.",
        example: 'apiVersion: rbac.authorization.k8s.io/v1',
        chapter: 'api-kubectl',
      },
      kind: {
        text: "Type de l'objet : ici `RoleBinding`.",
        chapter: 'api-kubectl',
      },
      metadata: {
        text: "Métadonnées standard. Le `namespace` du RoleBinding est celui où les permissions s'appliquent.",
        chapter: 'api-kubectl',
      },
      roleRef: {
        text: 'Le rôle accordé : un Role du même namespace ou un ClusterRole. Non modifiable : pour changer de rôle, supprime et recrée le binding.',
        example: 'roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: pod-reader',
      },
      subjects: {
        text: "Les bénéficiaires des permissions : utilisateurs, groupes ou ServiceAccounts, ces derniers pouvant venir d'un autre namespace.",
        example: 'subjects:\n  - kind: User\n    name: jane\n    apiGroup: rbac.authorization.k8s.io',
      },
    },
  },
  'rbac.v1.RoleRef': {
    text: 'Désigne le rôle accordé par un binding.',
    chapter: 'rbac',
    properties: {
      apiGroup: {
        text: "Groupe d'API du rôle : toujours `rbac.authorization.k8s.io`.",
      },
      kind: {
        text: 'Type du rôle : `Role` ou `ClusterRole` (uniquement `ClusterRole` dans un ClusterRoleBinding).',
      },
      name: {
        text: 'Nom du Role ou du ClusterRole accordé.',
      },
    },
  },
  'rbac.v1.Subject': {
    text: "Bénéficiaire d'un binding : un utilisateur, un groupe ou un ServiceAccount.",
    chapter: 'rbac',
    properties: {
      apiGroup: {
        text: "Groupe d'API du bénéficiaire : `rbac.authorization.k8s.io` pour `User` et `Group`, chaîne vide pour `ServiceAccount`.",
        default: '`rbac.authorization.k8s.io` (User, Group) ou vide (ServiceAccount)',
      },
      kind: {
        text: "Type de bénéficiaire : `User`, `Group` ou `ServiceAccount`. Les utilisateurs et les groupes n'existent pas comme objets dans Kubernetes : ils viennent de l'authentification (certificat client, OIDC…).",
        example: 'kind: ServiceAccount',
      },
      name: {
        text: "Nom de l'utilisateur, du groupe ou du ServiceAccount.",
      },
      namespace: {
        text: "Namespace du ServiceAccount : obligatoire dans un ClusterRoleBinding ; dans un RoleBinding, c'est celui du binding s'il est absent. À laisser vide pour `User` et `Group`.",
        example: '- kind: ServiceAccount\n  name: mon-app\n  namespace: default',
      },
    },
  },
};
