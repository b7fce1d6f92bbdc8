// `--name value` and `--flag` from a bench's command line.
export function readArgs(argv: string[] = process.argv.slice(2)) {
  return {
    argv,
    arg: (name: string, fallback: string) => {
      const i = argv.indexOf(`--${name}`);
      return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
    },
    flag: (name: string) => argv.includes(`--${name}`),
    // every value of an option that may be given more than once
    all: (name: string) => argv.flatMap((value, i) => (argv[i - 1] === `--${name}` ? [value] : [])),
  };
}
