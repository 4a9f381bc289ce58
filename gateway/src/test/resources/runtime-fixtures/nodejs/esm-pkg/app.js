export async function handler(event) {
  return { via: 'esm under type module', event };
}
