export const handler = async (event) => ({ via: 'esm', event });
