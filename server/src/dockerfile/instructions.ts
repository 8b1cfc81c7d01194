/**
 * What the editor says about each Dockerfile instruction, in French: a one-line summary
 * (completion detail), the syntax, an explanation and an example (hover), and the snippet
 * completion inserts. Data only (STYLE.md, habit 3); the wording follows the Dockerfile
 * reference (docs.docker.com/reference/dockerfile) without translating it line by line.
 */

export interface InstructionDoc {
  keyword: string;
  summary: string;
  /** Syntax lines, shown as a code block. */
  syntax: string[];
  /** Markdown paragraphs. */
  text: string;
  example?: string;
  /** The snippet completion inserts (LSP snippet syntax). */
  snippet: string;
  deprecated?: boolean;
}

export const INSTRUCTIONS: readonly InstructionDoc[] = [
  {
    keyword: 'FROM',
    summary: "L'image de départ de l'étape de construction.",
    syntax: ['FROM [--platform=<plateforme>] <image>[:<tag>|@<digest>] [AS <nom>]'],
    text:
      "Toute construction commence par `FROM` : l'image indiquée sert de base, et chaque instruction suivante ajoute une couche par-dessus. " +
      'Fixe un tag précis (`node:20-alpine`, pas `node` ni `node:latest`) pour que deux constructions donnent la même image.\n\n' +
      "Plusieurs `FROM` font une construction en plusieurs étapes (*multi-stage*) : on compile dans une étape nommée (`AS build`), puis on copie seulement le résultat dans une image finale plus légère (`COPY --from=build`). Seule la dernière étape devient l'image.",
    example: 'FROM node:20-alpine AS build\n# ...\nFROM nginx:1.27-alpine',
    snippet: 'FROM ${1:image}:${2:tag}',
  },
  {
    keyword: 'RUN',
    summary: "Exécute une commande pendant la construction de l'image.",
    syntax: ['RUN <commande>            (forme shell, lancée par /bin/sh -c)', 'RUN ["exécutable", "param"]   (forme exec)'],
    text:
      "`RUN` exécute une commande **au moment du `docker build`** (installer des paquets, compiler…) et enregistre le résultat comme une nouvelle couche de l'image. " +
      "Ce n'est pas la commande du conteneur : pour cela, voir `CMD` et `ENTRYPOINT`.\n\n" +
      "Enchaîne les commandes liées avec `&&` dans un seul `RUN` (par exemple `apt-get update && apt-get install -y …`) : moins de couches, et un cache qui reste cohérent. " +
      "Les commandes ne doivent rien demander : il n'y a personne pour répondre pendant la construction.",
    example: 'RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*',
    snippet: 'RUN ${1:commande}',
  },
  {
    keyword: 'CMD',
    summary: 'La commande par défaut du conteneur.',
    syntax: ['CMD ["exécutable", "param1", "param2"]   (forme exec, recommandée)', 'CMD ["param1", "param2"]   (paramètres donnés à ENTRYPOINT)', 'CMD commande param1   (forme shell)'],
    text:
      "`CMD` dit ce que le conteneur lance quand il démarre, si `docker run` (ou le champ `args` d'un Pod) ne dit rien d'autre. " +
      "Il n'en faut qu'un par étape : s'il y en a plusieurs, seul le dernier compte.\n\n" +
      "Préfère la forme exec (tableau JSON, guillemets doubles) : le programme est alors le processus 1 du conteneur et reçoit directement les signaux d'arrêt (`docker stop`, suppression d'un Pod). " +
      "Avec `ENTRYPOINT`, `CMD` fournit les paramètres par défaut. Dans Kubernetes, `args` remplace `CMD`.",
    example: 'CMD ["node", "server.js"]',
    snippet: 'CMD ["${1:exécutable}", "${2:paramètre}"]',
  },
  {
    keyword: 'ENTRYPOINT',
    summary: 'Le programme que le conteneur exécute toujours.',
    syntax: ['ENTRYPOINT ["exécutable", "param1"]   (forme exec, recommandée)', 'ENTRYPOINT commande param1   (forme shell)'],
    text:
      "`ENTRYPOINT` fixe le programme principal du conteneur ; `CMD` (ou les arguments de `docker run`) viennent s'ajouter à la suite, comme paramètres. " +
      "Docker lance donc `ENTRYPOINT` suivi de `CMD`.\n\n" +
      "En forme shell, `CMD` et les arguments sont ignorés et le programme ne reçoit pas les signaux d'arrêt : préfère la forme exec. " +
      'Dans Kubernetes, `command` remplace `ENTRYPOINT` et `args` remplace `CMD`.',
    example: 'ENTRYPOINT ["nginx"]\nCMD ["-g", "daemon off;"]',
    snippet: 'ENTRYPOINT ["${1:exécutable}"]',
  },
  {
    keyword: 'COPY',
    summary: "Copie des fichiers du contexte de construction dans l'image.",
    syntax: ['COPY [--from=<étape>] [--chown=<utilisateur>:<groupe>] <source>... <destination>'],
    text:
      "`COPY` copie des fichiers ou dossiers du **contexte de construction** (le dossier donné à `docker build`) vers l'image. " +
      "Les chemins sources sont relatifs au contexte ; on ne peut pas sortir du contexte (`../`). La destination est relative au `WORKDIR`.\n\n" +
      "Copie d'abord ce qui change peu (`package.json`), installe les dépendances, puis copie le reste du code : Docker réutilise le cache des couches tant que les fichiers copiés n'ont pas changé. " +
      'Avec `--from=<étape>`, `COPY` prend les fichiers dans une étape précédente (construction multi-stage).',
    example: 'COPY package*.json ./\nRUN npm ci\nCOPY . .',
    snippet: 'COPY ${1:source} ${2:destination}',
  },
  {
    keyword: 'ADD',
    summary: 'Comme COPY, mais sait aussi télécharger une URL et décompresser une archive.',
    syntax: ['ADD [--chown=<utilisateur>:<groupe>] [--checksum=<digest>] <source>... <destination>'],
    text:
      "`ADD` fait la même chose que `COPY`, avec deux pouvoirs en plus : une source qui est une URL est téléchargée, et une archive locale (`.tar`, `.tar.gz`…) est **décompressée** dans la destination.\n\n" +
      "Ces effets implicites surprennent : pour de simples fichiers, utilise `COPY`, plus prévisible. Garde `ADD` pour les archives à extraire ou les téléchargements vérifiés par `--checksum`.",
    example: 'ADD app.tar.gz /opt/app/',
    snippet: 'ADD ${1:source} ${2:destination}',
  },
  {
    keyword: 'EXPOSE',
    summary: "Documente les ports sur lesquels le conteneur écoute.",
    syntax: ['EXPOSE <port>[/<protocole>] [<port>[/<protocole>]...]'],
    text:
      "`EXPOSE` indique sur quels ports l'application écoute (TCP par défaut, ou `/udp`). C'est **de la documentation** : cela n'ouvre rien et ne publie aucun port sur la machine.\n\n" +
      'Pour joindre le conteneur depuis ta machine, il faut publier le port au lancement : `docker run -p 8080:80 …`. ' +
      'Dans Kubernetes, le même rôle est tenu par `containerPort` dans le Pod, et un Service rend le port accessible.',
    example: 'EXPOSE 80\nEXPOSE 53/udp',
    snippet: 'EXPOSE ${1:80}',
  },
  {
    keyword: 'ENV',
    summary: "Définit une variable d'environnement, pour la construction et pour le conteneur.",
    syntax: ['ENV <clé>=<valeur> [<clé>=<valeur>...]'],
    text:
      "`ENV` définit des variables d'environnement. Elles servent aux instructions suivantes (`$NOM` dans `WORKDIR`, `COPY`, `RUN`…) **et** restent dans l'image : chaque conteneur les retrouve au démarrage.\n\n" +
      "Entoure de guillemets une valeur qui contient des espaces. N'y mets pas de secret : n'importe qui peut les lire avec `docker inspect`. " +
      "Dans Kubernetes, le champ `env` d'un conteneur les complète ou les remplace.",
    example: 'ENV NODE_ENV=production PORT=3000',
    snippet: 'ENV ${1:NOM}=${2:valeur}',
  },
  {
    keyword: 'WORKDIR',
    summary: 'Change le dossier de travail des instructions suivantes et du conteneur.',
    syntax: ['WORKDIR <chemin>'],
    text:
      "`WORKDIR` fixe le dossier courant pour les `RUN`, `CMD`, `ENTRYPOINT`, `COPY` et `ADD` qui suivent, et pour le conteneur au démarrage. Le dossier est créé s'il n'existe pas.\n\n" +
      "Utilise un chemin absolu (`/app`). C'est la bonne façon de changer de dossier : un `cd` dans un `RUN` ne vaut que pour ce `RUN`.",
    example: 'WORKDIR /app',
    snippet: 'WORKDIR ${1:/app}',
  },
  {
    keyword: 'USER',
    summary: "L'utilisateur qui exécute les instructions suivantes et le conteneur.",
    syntax: ['USER <utilisateur>[:<groupe>]', 'USER <UID>[:<GID>]'],
    text:
      "`USER` change l'utilisateur (et éventuellement le groupe) des `RUN` suivants et du processus du conteneur. Par défaut, c'est `root`.\n\n" +
      "Faire tourner l'application avec un utilisateur non privilégié limite les dégâts en cas de faille. L'utilisateur doit exister dans l'image (créé par exemple avec `adduser`). " +
      'Dans Kubernetes, `securityContext.runAsUser` et `runAsNonRoot` jouent le même rôle.',
    example: 'RUN adduser -D app\nUSER app',
    snippet: 'USER ${1:app}',
  },
  {
    keyword: 'ARG',
    summary: 'Déclare une variable de construction (docker build --build-arg).',
    syntax: ['ARG <nom>[=<valeur par défaut>]'],
    text:
      "`ARG` déclare une variable qui n'existe que **pendant la construction** : on peut la changer avec `docker build --build-arg NOM=valeur`. Elle ne reste pas dans l'image, contrairement à `ENV`.\n\n" +
      "Un `ARG` placé avant le premier `FROM` ne sert qu'aux lignes `FROM` ; pour l'utiliser dans une étape, déclare-le de nouveau (`ARG NOM`) après le `FROM`. " +
      "Ne passe pas de secret par `ARG` : les valeurs restent visibles dans l'historique de l'image.",
    example: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-alpine',
    snippet: 'ARG ${1:NOM}=${2:valeur}',
  },
  {
    keyword: 'LABEL',
    summary: "Ajoute des métadonnées (clé=valeur) à l'image.",
    syntax: ['LABEL <clé>=<valeur> [<clé>=<valeur>...]'],
    text:
      "`LABEL` ajoute des métadonnées à l'image : auteur, version, dépôt du code… Elles n'ont aucun effet sur l'exécution ; on les lit avec `docker inspect`.\n\n" +
      'Les clés standard de l\'OCI (`org.opencontainers.image.source`, `org.opencontainers.image.version`…) sont comprises par les outils et les registres.',
    example: 'LABEL org.opencontainers.image.authors="equipe@example.com" version="1.0"',
    snippet: 'LABEL ${1:clé}="${2:valeur}"',
  },
  {
    keyword: 'VOLUME',
    summary: 'Déclare un dossier dont les données vivent hors du conteneur.',
    syntax: ['VOLUME ["/chemin"]', 'VOLUME /chemin1 /chemin2'],
    text:
      "`VOLUME` déclare un point de montage : au démarrage, Docker y monte un volume, si bien que les données écrites là survivent à la suppression du conteneur.\n\n" +
      "Les modifications faites dans ce dossier par des instructions **après** `VOLUME` sont perdues. Dans Kubernetes, c'est le Pod qui décide des volumes (`volumes` et `volumeMounts`) ; `VOLUME` y est ignoré.",
    example: 'VOLUME ["/var/lib/postgresql/data"]',
    snippet: 'VOLUME ["${1:/data}"]',
  },
  {
    keyword: 'HEALTHCHECK',
    summary: "Commande que Docker lance régulièrement pour savoir si le conteneur va bien.",
    syntax: ['HEALTHCHECK [--interval=30s] [--timeout=30s] [--start-period=0s] [--retries=3] CMD <commande>', 'HEALTHCHECK NONE'],
    text:
      "`HEALTHCHECK` donne à Docker une commande de vérification, lancée à intervalle régulier dans le conteneur : code de sortie 0, le conteneur est `healthy` ; sinon, après `--retries` échecs, il devient `unhealthy` (visible dans `docker ps`).\n\n" +
      "Kubernetes **ignore** `HEALTHCHECK` : il utilise ses propres sondes (`livenessProbe`, `readinessProbe`, `startupProbe`), déclarées dans le Pod.",
    example: 'HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost/ || exit 1',
    snippet: 'HEALTHCHECK --interval=${1:30s} --timeout=${2:3s} CMD ${3:wget -qO- http://localhost/ || exit 1}',
  },
  {
    keyword: 'SHELL',
    summary: 'Change le shell utilisé par les formes shell de RUN, CMD et ENTRYPOINT.',
    syntax: ['SHELL ["exécutable", "paramètres"]'],
    text: "`SHELL` remplace le shell par défaut (`[\"/bin/sh\", \"-c\"]` sous Linux) pour les instructions suivantes écrites en forme shell. Il s'écrit toujours en tableau JSON.",
    example: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    snippet: 'SHELL ["${1:/bin/bash}", "${2:-c}"]',
  },
  {
    keyword: 'STOPSIGNAL',
    summary: "Le signal envoyé pour arrêter le conteneur.",
    syntax: ['STOPSIGNAL <signal>'],
    text: "`STOPSIGNAL` choisit le signal que `docker stop` envoie au processus principal (`SIGTERM` par défaut), par exemple `SIGQUIT` pour un arrêt en douceur de nginx.",
    example: 'STOPSIGNAL SIGQUIT',
    snippet: 'STOPSIGNAL ${1:SIGTERM}',
  },
  {
    keyword: 'ONBUILD',
    summary: "Une instruction à exécuter plus tard, quand une autre image partira de celle-ci.",
    syntax: ['ONBUILD <INSTRUCTION>'],
    text: "`ONBUILD` enregistre une instruction qui ne s'exécute pas maintenant, mais au début de la construction de toute image qui fera `FROM` de celle-ci. Rarement utile : cela rend la construction difficile à suivre.",
    example: 'ONBUILD COPY . /app',
    snippet: 'ONBUILD ${1:INSTRUCTION}',
  },
  {
    keyword: 'MAINTAINER',
    summary: "Obsolète : l'auteur de l'image (utilise LABEL).",
    syntax: ['MAINTAINER <nom>'],
    text: "`MAINTAINER` est **obsolète**. Indique l'auteur avec un label : `LABEL org.opencontainers.image.authors=\"nom\"` (ou `LABEL maintainer=\"nom\"`).",
    snippet: 'LABEL maintainer="${1:nom}"',
    deprecated: true,
  },
];

const BY_KEYWORD = new Map(INSTRUCTIONS.map((doc) => [doc.keyword, doc]));

/** The documentation of an instruction (any case), or undefined. */
export function instructionDoc(keyword: string): InstructionDoc | undefined {
  return BY_KEYWORD.get(keyword.toUpperCase());
}

/** Every keyword BuildKit knows. */
export const KEYWORDS: readonly string[] = INSTRUCTIONS.map((doc) => doc.keyword);
