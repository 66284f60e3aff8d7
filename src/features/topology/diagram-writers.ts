/**
 * The draw.io and Mermaid writers, as one chunk loaded on the first click on either button: apart, each would be a
 * chunk of its own plus one for the tree code they share, each compressed alone.
 */
export { downloadDrawio } from './export-drawio';
export { downloadMermaid } from './export-mermaid';
