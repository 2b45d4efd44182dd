// The VinDr-CXR label schema: 22 local labels and 6 global ones, in the PhysioNet release's
// image_labels_*.csv column order, with the Kaggle challenge's 15 class ids (0-13 local labels
// with boxes, 14 No finding). Definitions: the paper's supplementary table (Nguyen et al., 2022,
// Scientific Data 9:429, "VinDr-CXR: An open dataset of chest X-rays with radiologist's annotations").
import type { LabelDefinition, LabelSchema } from './label-schema.js';

const local = (name: string, definition: string, aliases?: string[]): LabelDefinition => ({ name, kind: 'local', definition, ...(aliases ? { aliases } : {}) });
const global = (name: string, definition: string, aliases?: string[]): LabelDefinition => ({ name, kind: 'global', definition, ...(aliases ? { aliases } : {}) });

export const VINDR_CXR_SCHEMA: LabelSchema = {
  name: 'vindr-cxr',
  labels: [
    local('Aortic enlargement', 'Enlargement of the aorta: a widened aortic arch or descending aorta'),
    local('Atelectasis', 'Collapse or incomplete expansion of part or all of a lung'),
    local('Calcification', 'Calcium deposits in the lungs, pleura, lymph nodes, aorta or other chest structures'),
    local('Cardiomegaly', 'An enlarged heart: a cardiothoracic ratio above 0.5 on a PA view'),
    local('Clavicle fracture', 'A fracture of the clavicle'),
    local('Consolidation', 'Alveolar air replaced by fluid, pus, blood, cells or other material'),
    local('Edema', 'Excess fluid in the lung interstitium or alveoli (pulmonary oedema)'),
    local('Emphysema', 'Enlarged air spaces distal to the terminal bronchioles with destruction of their walls'),
    local('Enlarged PA', 'An enlarged pulmonary artery'),
    local('ILD', 'Interstitial lung disease: diffuse disease of the lung interstitium', ['Interstitial lung disease']),
    local('Infiltration', 'An ill-defined opacity of the lung parenchyma'),
    local('Lung Opacity', 'Any area of the lung that is more opaque than normal lung'),
    local('Lung cavity', 'A gas-filled space inside a consolidation, mass or nodule'),
    local('Lung cyst', 'A round thin-walled air or fluid space in the lung'),
    local('Mediastinal shift', 'Displacement of the mediastinum to one side'),
    local('Nodule/Mass', 'A rounded opacity: a nodule up to 3 cm, a mass above'),
    local('Pleural effusion', 'Fluid in the pleural space'),
    local('Pleural thickening', 'Thickening of the pleura'),
    local('Pneumothorax', 'Air in the pleural space'),
    local('Pulmonary fibrosis', 'Scarring of the lung tissue'),
    local('Rib fracture', 'A fracture of one or more ribs'),
    local('Other lesion', 'Any other abnormality seen on the image'),
    global('COPD', 'Chronic obstructive pulmonary disease'),
    global('Lung tumor', 'A malignant or benign tumour of the lung'),
    global('Pneumonia', 'Infection of the lung parenchyma'),
    global('Tuberculosis', 'Pulmonary tuberculosis'),
    global('Other diseases', 'Any other disease the image shows', ['Other disease']),
    global('No finding', 'No abnormality: excludes every other label and every box'),
  ],
  noFinding: 'No finding',
  classIds: [
    'Aortic enlargement', 'Atelectasis', 'Calcification', 'Cardiomegaly', 'Consolidation', 'ILD', 'Infiltration',
    'Lung Opacity', 'Nodule/Mass', 'Other lesion', 'Pleural effusion', 'Pleural thickening', 'Pneumothorax',
    'Pulmonary fibrosis', 'No finding',
  ],
};
