// Mantine's whole sheet (layer `mantine`), for every area loaded on demand; see styles/portal.ts.
import '@mantine/core/styles.layer.css';
