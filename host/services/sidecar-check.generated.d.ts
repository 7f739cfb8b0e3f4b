// Types of the generated sidecar check (sidecar-check.generated.js, made by `npm run schema`).
declare function validate(data: unknown): boolean;
export { validate };
export default validate;
