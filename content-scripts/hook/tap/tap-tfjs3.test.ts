// Runs the tap suite against tf.js 3.x ('tfjs3').
import * as tf from 'tfjs3';
import { tapSuite } from './tap-suite';

tapSuite('tf.js ' + tf.version.tfjs, tf);
