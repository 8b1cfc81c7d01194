/**
 * Container names as dockerd generates them (moby's pkg/namesgenerator): an adjective and
 * a notable scientist or hacker, `eager_turing`; `boring_wozniak` is never chosen (Steve
 * Wozniak is not boring); a name already taken gets a digit. Deterministic: the choice is
 * tied to a key (the container's sequence number), never to Math.random.
 */
import { between } from '../kubelet/hash';

const LEFT = [
  'admiring', 'adoring', 'affectionate', 'agitated', 'amazing', 'angry', 'awesome', 'beautiful', 'blissful', 'bold', 'boring',
  'brave', 'busy', 'charming', 'clever', 'compassionate', 'competent', 'confident', 'cool', 'cranky', 'crazy', 'dazzling',
  'determined', 'distracted', 'dreamy', 'eager', 'ecstatic', 'elastic', 'elated', 'elegant', 'eloquent', 'epic', 'exciting',
  'fervent', 'festive', 'flamboyant', 'focused', 'friendly', 'frosty', 'funny', 'gallant', 'gifted', 'goofy', 'gracious',
  'great', 'happy', 'hardcore', 'heuristic', 'hopeful', 'hungry', 'infallible', 'inspiring', 'intelligent', 'interesting',
  'jolly', 'jovial', 'keen', 'kind', 'laughing', 'loving', 'lucid', 'magical', 'modest', 'musing', 'mystifying', 'naughty',
  'nervous', 'nice', 'nifty', 'nostalgic', 'objective', 'optimistic', 'peaceful', 'pedantic', 'pensive', 'practical',
  'priceless', 'quirky', 'quizzical', 'recursing', 'relaxed', 'reverent', 'romantic', 'sad', 'serene', 'sharp', 'silly',
  'sleepy', 'stoic', 'strange', 'stupefied', 'suspicious', 'sweet', 'tender', 'thirsty', 'trusting', 'unruffled', 'upbeat',
  'vibrant', 'vigilant', 'vigorous', 'wizardly', 'wonderful', 'xenodochial', 'youthful', 'zealous', 'zen',
];

const RIGHT = [
  'agnesi', 'albattani', 'allen', 'almeida', 'archimedes', 'aryabhata', 'austin', 'babbage', 'banach', 'bardeen', 'bartik',
  'bassi', 'bell', 'bhabha', 'bhaskara', 'blackwell', 'bohr', 'booth', 'borg', 'bose', 'bouman', 'brahmagupta', 'brattain',
  'burnell', 'cannon', 'carson', 'cartwright', 'carver', 'cerf', 'chandrasekhar', 'chatelet', 'chebyshev', 'clarke', 'cohen',
  'cori', 'cray', 'curie', 'darwin', 'davinci', 'diffie', 'dijkstra', 'dirac', 'driscoll', 'easley', 'edison', 'einstein',
  'elion', 'ellis', 'engelbart', 'euclid', 'euler', 'faraday', 'fermat', 'fermi', 'feynman', 'franklin', 'gagarin',
  'galileo', 'galois', 'gauss', 'germain', 'goldberg', 'goldwasser', 'goodall', 'hamilton', 'hawking', 'heisenberg',
  'hellman', 'hertz', 'hodgkin', 'hofstadter', 'hopper', 'hypatia', 'jackson', 'jemison', 'jennings', 'johnson', 'joliot',
  'kalam', 'kepler', 'khayyam', 'kilby', 'knuth', 'kowalevski', 'lalande', 'lamarr', 'lamport', 'leakey', 'leavitt',
  'lehmann', 'liskov', 'lovelace', 'lumiere', 'margulis', 'maxwell', 'mayer', 'mccarthy', 'mcclintock', 'meitner', 'mendel',
  'mendeleev', 'merkle', 'mirzakhani', 'montalcini', 'moore', 'morse', 'napier', 'nash', 'neumann', 'newton', 'nightingale',
  'nobel', 'noether', 'noyce', 'panini', 'pascal', 'pasteur', 'payne', 'perlman', 'pike', 'poincare', 'ptolemy', 'raman',
  'ramanujan', 'ride', 'ritchie', 'robinson', 'roentgen', 'rubin', 'saha', 'sammet', 'shamir', 'shannon', 'shaw',
  'shockley', 'sinoussi', 'snyder', 'solomon', 'stonebraker', 'sutherland', 'swanson', 'swartz', 'taussig', 'tesla',
  'tharp', 'thompson', 'torvalds', 'turing', 'vaughan', 'villani', 'wescoff', 'wiles', 'williams', 'wilson', 'wing',
  'wozniak', 'wright', 'wu', 'yalow', 'yonath',
];

/** A free name for a new container, tied to `key`. */
export function generateName(key: string, taken: (name: string) => boolean): string {
  for (let retry = 0; ; retry++) {
    const left = LEFT[between(`${key}:${retry}:left`, 0, LEFT.length - 1)]!;
    const right = RIGHT[between(`${key}:${retry}:right`, 0, RIGHT.length - 1)]!;
    if (left === 'boring' && right === 'wozniak') continue;
    // Mirrors GetRandomName(retry): after a collision, a digit is appended.
    const name = retry === 0 ? `${left}_${right}` : `${left}_${right}${between(`${key}:${retry}:digit`, 0, 9)}`;
    if (!taken(name)) return name;
  }
}
