import {
  AmbientLight,
  Box3,
  Color,
  DirectionalLight,
  PerspectiveCamera,
  Scene,
  Vector3,
  WebGLRenderer,
} from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';

/**
 * A 3D view of the body model (glTF binary): drag to orbit, pinch or wheel to zoom. Renders on
 * demand. Sets data-rendered="true" on the canvas once the model has been drawn.
 */
export async function showModel(container: HTMLElement, glb: ArrayBuffer): Promise<() => void> {
  const width = Math.max(container.clientWidth, 200);
  const height = Math.round(width * 1.25);
  let renderer: WebGLRenderer;
  try {
    // preserveDrawingBuffer: the canvas can be read back (tests, a "save image" later)
    renderer = new WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
  } catch {
    throw new Error('This browser cannot show 3D (WebGL is off). The measurements and downloads still work.');
  }
  renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
  renderer.setSize(width, height);
  const canvas = renderer.domElement;
  canvas.id = 'model-canvas';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', 'Your 3D body model. Drag to turn it, pinch or scroll to zoom.');
  canvas.tabIndex = 0;
  container.replaceChildren(canvas);

  const scene = new Scene();
  scene.background = new Color(0xf2f4f7);
  scene.add(new AmbientLight(0xffffff, 1.2));
  const sun = new DirectionalLight(0xffffff, 2.2);
  sun.position.set(1, 2, 3);
  scene.add(sun);
  const back = new DirectionalLight(0xffffff, 0.8);
  back.position.set(-2, 1, -2);
  scene.add(back);

  const gltf = await new GLTFLoader().parseAsync(glb, '');
  scene.add(gltf.scene);
  const box = new Box3().setFromObject(gltf.scene);
  const size = box.getSize(new Vector3());
  const center = box.getCenter(new Vector3());
  const camera = new PerspectiveCamera(35, width / height, 0.01, 100);
  const distance = (Math.max(size.y, size.x) / 2 / Math.tan((35 * Math.PI) / 360)) * 1.25;
  camera.position.set(center.x, center.y, center.z + distance);
  camera.lookAt(center);

  const controls = new OrbitControls(camera, canvas);
  controls.target.copy(center);
  controls.enableDamping = false;
  controls.listenToKeyEvents(canvas);
  const render = () => renderer.render(scene, camera);
  controls.addEventListener('change', render);
  controls.update();
  render();
  canvas.dataset.rendered = 'true';
  return () => {
    controls.dispose();
    renderer.dispose();
  };
}
