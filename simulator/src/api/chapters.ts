/**
 * The chapters of the course (../shared/course/syllabus.md), in order. Every French
 * description, diagnostic and walkthrough names the chapter it belongs to by one of
 * these ids; the extension opens the walkthrough of the same id.
 */
export const CHAPTERS = [
  { id: 'docker', title: 'Docker et les conteneurs' },
  { id: 'orchestration', title: "Kubernetes et l'orchestration de conteneurs" },
  { id: 'architecture', title: 'Architecture de Kubernetes' },
  { id: 'api-kubectl', title: "L'API Kubernetes et kubectl" },
  { id: 'ressources', title: 'Les ressources de base' },
  { id: 'quotidien', title: 'Kubernetes au quotidien' },
  { id: 'volumes', title: 'Les volumes' },
  { id: 'rbac', title: 'RBAC : qui a le droit de faire quoi' },
  { id: 'avance', title: 'StatefulSet, DaemonSet, probes, requests et limits' },
  { id: 'helm-prometheus', title: 'Helm et Prometheus' },
] as const;

export type ChapterId = (typeof CHAPTERS)[number]['id'];

/** The chapter with this id, or undefined. */
export function chapterById(id: string): (typeof CHAPTERS)[number] | undefined {
  return CHAPTERS.find((chapter) => chapter.id === id);
}
