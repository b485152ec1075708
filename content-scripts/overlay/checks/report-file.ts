// The exported report as a file (pure): its name from the pack id and the time, safe on every file system.

export function reportFileName(packId: string, at: Date): string {
  const id =
    packId
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'pack';
  const stamp = at
    .toISOString()
    .replace(/[:]/g, '-')
    .replace(/\.\d+Z$/, 'Z');
  return `literate-report-${id}-${stamp}.html`;
}
