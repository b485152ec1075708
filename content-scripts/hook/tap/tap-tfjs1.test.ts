// Runs the tap suite against tf.js 1.x ('tfjs1').
import * as tf from 'tfjs1';
import { tapSuite } from './tap-suite';

tapSuite('tf.js ' + tf.version.tfjs, tf);
