// An ES module handler (handler=index.handler): the .mjs file is loaded with import().
export const handler = async (event) => {
  const numbers = event.numbers || [];
  return { sum: numbers.reduce((a, b) => a + b, 0), count: numbers.length };
};
